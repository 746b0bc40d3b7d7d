import { roleLabel as i18nRoleLabel } from '../i18n/roles'

/** UI text of the canvas, Dutch first. Kept here so the component stays free of string literals. */
export type CanvasLocale = 'nl' | 'en'
export type CanvasRole = 'facilitator' | 'ouder' | 'consultatiebureau' | 'professional'

const ROLES: readonly CanvasRole[] = ['facilitator', 'ouder', 'consultatiebureau', 'professional']

/** The role as it follows a name ("Ouder 3 · ouder"); the wording lives in app/i18n. */
export function roleLabel(role: string | undefined, locale: CanvasLocale): string {
  if (!role || !ROLES.includes(role as CanvasRole)) return ''
  return i18nRoleLabel(locale, role as CanvasRole).toLocaleLowerCase(locale)
}

export const canvasMessages = {
  nl: {
    connection: { connected: 'verbonden', reconnecting: 'opnieuw verbinden…', offline: 'offline' },
    connectionLabel: 'Verbinding met de tekentafel',
    offlineHint: 'Je wijzigingen worden bewaard en verstuurd zodra er weer verbinding is.',
    loading: 'De tekentafel wordt geladen…',
    newerSchema:
      'Iemand gebruikt een nieuwere versie van de tekentafel. Laad deze pagina opnieuw om verder te tekenen; tot dan worden je wijzigingen niet bewaard.',
    migrationFailed:
      'De tekening kon niet worden bijgewerkt naar deze versie. Je kunt kijken maar niet tekenen. Laad de pagina opnieuw of vraag de begeleider om hulp.',
    reload: 'Pagina opnieuw laden',
    refusal: {
      unauthenticated: 'Je bent niet (meer) aangemeld bij deze werksessie. Laad de pagina opnieuw of meld je opnieuw aan.',
      forbidden: 'Je hebt geen toegang tot deze tekentafel.',
      rejected: 'De server heeft een wijziging geweigerd. Laad de pagina opnieuw om verder te gaan.',
    },
    licenseParticipant: 'De tekentafel is nog niet klaar. Vraag de begeleider om hulp.',
    licenseFacilitatorTitle: 'De tekentafel heeft een tldraw-licentiesleutel nodig',
    licenseFacilitator: [
      'Op een https-adres dat niet localhost is, toont tldraw zonder licentiesleutel het canvas maar vijf seconden en maakt het daarna leeg.',
      'Zet de omgevingsvariabele TLDRAW_LICENSE_KEY op de server (een licentie of proeflicentie krijg je via tldraw.dev) en start de app opnieuw.',
      'Tot dan zien deelnemers de melding dat de tekentafel nog niet klaar is.',
    ],
  },
  en: {
    connection: { connected: 'connected', reconnecting: 'reconnecting…', offline: 'offline' },
    connectionLabel: 'Connection to the canvas',
    offlineHint: 'Your changes are kept and sent as soon as the connection is back.',
    loading: 'Loading the canvas…',
    newerSchema:
      'Someone is using a newer version of the canvas. Reload this page to keep drawing; until then your changes are not saved.',
    migrationFailed:
      'The drawing could not be upgraded to this version. You can look but not draw. Reload the page or ask the facilitator.',
    reload: 'Reload page',
    refusal: {
      unauthenticated: 'You are not (or no longer) signed in to this session. Reload the page or sign in again.',
      forbidden: 'You do not have access to this canvas.',
      rejected: 'The server refused a change. Reload the page to continue.',
    },
    licenseParticipant: 'The canvas is not ready yet. Please ask the facilitator for help.',
    licenseFacilitatorTitle: 'The canvas needs a tldraw licence key',
    licenseFacilitator: [
      'On an https address other than localhost, tldraw without a licence key shows the canvas for five seconds and then blanks it.',
      'Set the environment variable TLDRAW_LICENSE_KEY on the server (get a licence or trial at tldraw.dev) and restart the app.',
      'Until then participants see a message that the canvas is not ready.',
    ],
  },
} satisfies Record<CanvasLocale, unknown>

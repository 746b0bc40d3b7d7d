/** Dutch texts of the live canvas (merged into the one dictionary in ./nl.ts). */
export const canvasNl = {
  'canvas.connection.connected': 'verbonden',
  'canvas.connection.reconnecting': 'opnieuw verbinden…',
  'canvas.connection.offline': 'offline',
  'canvas.connectionLabel': 'Verbinding met de tekentafel',
  'canvas.offlineHint': 'Je wijzigingen worden bewaard en verstuurd zodra er weer verbinding is.',
  'canvas.loading': 'De tekentafel wordt geladen…',
  'canvas.newerSchema':
    'Iemand gebruikt een nieuwere versie van de tekentafel. Laad deze pagina opnieuw om verder te tekenen; tot dan worden je wijzigingen niet bewaard.',
  'canvas.migrationFailed':
    'De tekening kon niet worden bijgewerkt naar deze versie. Je kunt kijken maar niet tekenen. Laad de pagina opnieuw of vraag de begeleider om hulp.',
  'canvas.reload': 'Pagina opnieuw laden',
  'canvas.refusal.unauthenticated':
    'Je bent niet (meer) aangemeld bij deze werksessie. Laad de pagina opnieuw of meld je opnieuw aan.',
  'canvas.refusal.forbidden': 'Je hebt geen toegang tot deze tekentafel.',
  'canvas.refusal.gone': 'De begeleider heeft deze werksessie verwijderd. Wat hier stond, is weg.',
  'canvas.refusal.rejected': 'De server heeft een wijziging geweigerd. Laad de pagina opnieuw om verder te gaan.',
  'canvas.license.participant': 'De tekentafel is nog niet klaar. Vraag de begeleider om hulp.',
  'canvas.license.title': 'De tekentafel heeft een tldraw-licentiesleutel nodig',
  'canvas.license.why':
    'Op een https-adres dat niet localhost is, toont tldraw zonder licentiesleutel het canvas maar vijf seconden en maakt het daarna leeg.',
  'canvas.license.how':
    'Zet de omgevingsvariabele TLDRAW_LICENSE_KEY op de server (een licentie of proeflicentie krijg je via tldraw.dev) en start de app opnieuw.',
  'canvas.license.meanwhile': 'Tot dan zien deelnemers de melding dat de tekentafel nog niet klaar is.',
} as const

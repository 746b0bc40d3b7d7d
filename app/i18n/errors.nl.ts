/**
 * Dutch texts of refusals and failures (merged into the one dictionary in ./nl.ts): the error
 * page, the 404/403 messages pages throw, the attempt throttles and the JSON API's errors.
 * The API always answers in Dutch (`errorJson` translates to `nl`), so its texts are keys too.
 */
export const errorsNl = {
  'error.title': 'Er ging iets mis',
  'error.text': 'Probeer het nog eens. Blijft het misgaan? Vraag de begeleider om hulp.',
  'error.notFound': 'Deze pagina bestaat niet',
  'error.forbidden': 'Hier heb je geen toegang toe',
  'error.home': 'Naar de startpagina',

  // Thrown by page loaders (invariantResponse) and shown by ErrorPage.
  'error.session.gone': 'Deze werksessie bestaat niet (meer).',
  'error.session.notYours': 'Dit is niet jouw werksessie.',
  'error.session.otherFacilitator': 'Deze werksessie is van een andere begeleider.',
  'error.session.joinFirst': 'Doe mee met de code die je van de begeleider kreeg.',
  'error.session.projectorFacilitatorOnly': 'Alleen de begeleider opent het projectiescherm.',

  // Failed logins, wrong join codes and joins (app/auth/attempt-throttle.ts), closed or idle codes.
  'error.throttled.one': 'Te veel mislukte pogingen. Probeer het over {minutes} minuut opnieuw.',
  'error.throttled.other': 'Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.',
  'error.throttled.seconds': 'Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.',
  'error.login.busy': 'Er wordt nu erg veel ingelogd. Probeer het over {seconds} seconden opnieuw.',
  'error.joins.tooMany':
    'Er komen nu heel veel mensen binnen via dit netwerk. Probeer het over {seconds} seconden opnieuw.',
  'error.joinCode.guesses.seconds':
    'Via dit netwerk zijn te veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over {seconds} seconden opnieuw.',
  'error.joinCode.guesses.one':
    'Via dit netwerk zijn te veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over {minutes} minuut opnieuw.',
  'error.joinCode.guesses.other':
    'Via dit netwerk zijn te veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over {minutes} minuten opnieuw.',
  'error.joinCode.busy':
    'Er worden nu heel veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over {seconds} seconden opnieuw.',
  'error.joinCode.closed': 'Deze werksessie is gesloten. De code werkt niet meer.',
  'error.joinCode.expired':
    'Deze code is verlopen, omdat de werksessie lang niet is gebruikt. Vraag de begeleider de werksessie te openen.',

  // The JSON API (app/routes/api.*, app/api/responses.server.ts, server/app-server.ts).
  'error.api.loginFirst': 'Log eerst in als begeleider.',
  'error.api.sessionNotFound': 'Deze werksessie bestaat niet.',
  'error.api.notSignedIn': 'Je bent niet aangemeld bij deze werksessie.',
  'error.api.noAccess': 'Je hebt geen toegang tot deze werksessie.',
  'error.api.mode': 'Kies mode=edit of mode=read.',
  'error.api.gemeenteCode': 'Een gemeentecode ziet eruit als GM0796: "GM" en vier cijfers.',
  'error.api.gemeenteUnknown': 'Gemeente {code} is niet bekend.',
  'error.api.wijkCode': 'Een wijkcode ziet eruit als WK079601: "WK" en zes cijfers.',
  'error.api.wijkUnknown': 'Wijk {code} is niet bekend.',
  'error.api.invalid': 'Controleer de invoer: niet alle velden kloppen.',
  'error.api.failed': 'Dit lukte niet.',
  'error.api.method': 'Gebruik {allowed}.',
  'error.api.jsonInvalid': 'De inhoud is geen geldige JSON.',
  'error.api.jsonNotObject': 'Stuur een JSON-object.',
  'error.api.crossSite': 'Dit verzoek kwam van een andere website en is geweigerd.',
  'error.api.contentType': 'Stuur JSON (Content-Type: application/json).',
  'error.api.contentLength': 'Geef de lengte van de inhoud op (Content-Length).',
  'error.body.tooLarge': 'De inhoud is te groot (hoogstens {size}).',
} as const

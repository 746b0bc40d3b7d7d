import type { errorsNl } from './errors.nl'

export const errorsEn: Record<keyof typeof errorsNl, string> = {
  'error.title': 'Something went wrong',
  'error.text': 'Please try again. If it keeps failing, ask the facilitator for help.',
  'error.notFound': 'This page does not exist',
  'error.forbidden': 'You do not have access to this',
  'error.home': 'To the home page',

  'error.session.gone': 'This session does not exist (any more).',
  'error.session.notYours': 'This is not your session.',
  'error.session.otherFacilitator': 'This session belongs to another facilitator.',
  'error.session.joinFirst': 'Join with the code the facilitator gave you.',
  'error.session.projectorFacilitatorOnly': 'Only the facilitator opens the projector screen.',

  'error.throttled.one': 'Too many failed attempts. Please try again in {minutes} minute.',
  'error.throttled.other': 'Too many failed attempts. Please try again in {minutes} minutes.',
  'error.throttled.seconds': 'Too many failed attempts. Please try again in {seconds} seconds.',
  'error.login.busy': 'A lot of people are logging in right now. Please try again in {seconds} seconds.',
  'error.joins.tooMany':
    'A great many people are joining from this network right now. Please try again in {seconds} seconds.',
  'error.joinCode.guesses.seconds':
    'Too many wrong codes have been tried from this network. Check the code and try again in {seconds} seconds.',
  'error.joinCode.guesses.one':
    'Too many wrong codes have been tried from this network. Check the code and try again in {minutes} minute.',
  'error.joinCode.guesses.other':
    'Too many wrong codes have been tried from this network. Check the code and try again in {minutes} minutes.',
  'error.joinCode.busy':
    'A great many wrong codes are being tried right now. Check the code and try again in {seconds} seconds.',
  'error.joinCode.closed': 'This work session has been closed. The code no longer works.',
  'error.joinCode.expired':
    'This code has expired because the work session has not been used for a long time. Ask the facilitator to open the work session.',

  'error.api.loginFirst': 'Log in as a facilitator first.',
  'error.api.sessionNotFound': 'This session does not exist.',
  'error.api.notSignedIn': 'You are not signed in to this session.',
  'error.api.noAccess': 'You have no access to this session.',
  'error.api.mode': 'Choose mode=edit or mode=read.',
  'error.api.gemeenteCode': 'A municipality code looks like GM0796: "GM" and four digits.',
  'error.api.gemeenteUnknown': 'Municipality {code} is not known.',
  'error.api.wijkCode': 'A district code looks like WK079601: "WK" and six digits.',
  'error.api.wijkUnknown': 'District {code} is not known.',
  'error.api.invalid': 'Check the input: not every field is right.',
  'error.api.failed': 'That did not work.',
  'error.api.method': 'Use {allowed}.',
  'error.api.jsonInvalid': 'The body is not valid JSON.',
  'error.api.jsonNotObject': 'Send a JSON object.',
  'error.api.crossSite': 'This request came from another website and was refused.',
  'error.api.contentType': 'Send JSON (Content-Type: application/json).',
  'error.api.contentLength': 'State the length of the body (Content-Length).',
  'error.body.tooLarge': 'The body is too large (at most {size}).',
}

/**
 * The one home of the role rule: who can be on a werksessie. A plain module (no imports) so
 * the schema, the server and browser code can all import it.
 */
export const participantRoles = ['ouder', 'consultatiebureau', 'professional'] as const
export type ParticipantRole = (typeof participantRoles)[number]

/** The facilitator who runs the werksessie, then the roles a participant chooses when joining. */
export const roles = ['facilitator', ...participantRoles] as const
export type Role = (typeof roles)[number]

export const isRole = (value: unknown): value is Role => roles.includes(value as Role)

/** What kind of organisation a professional comes from (optional; never the organisation's name). */
export const organisationTypes = ['school', 'welzijn', 'zorg', 'politie', 'gemeente', 'kinderopvang'] as const
export type OrganisationType = (typeof organisationTypes)[number]

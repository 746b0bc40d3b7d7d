/** The roles a participant chooses when joining; a plain module so browser code can import it. */
export const participantRoles = ['ouder', 'consultatiebureau', 'professional'] as const
export type ParticipantRole = (typeof participantRoles)[number]

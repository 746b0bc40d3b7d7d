/**
 * The one home of the design-thinking steps a werksessie moves through, in order
 * (Inleven, Definiëren, Ideeën, Prototype, Testen). A plain module so the schema,
 * the server and browser code can all import it; labels and instructions live in app/i18n.
 */
export const sessionPhases = ['inleven', 'definieren', 'ideeen', 'prototype', 'testen'] as const
export type SessionPhase = (typeof sessionPhases)[number]

export const isSessionPhase = (value: unknown): value is SessionPhase => sessionPhases.includes(value as SessionPhase)

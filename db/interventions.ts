/**
 * The one home of an intervention's vocabularies (issue 10): statuses, places, recognition levels
 * of the NJi Databank, target directions and judgements. A plain module (no imports) so the
 * schema, the server and browser code can all import it; labels live in app/i18n.
 */

/** idee → prototype → pilot → implementatie → geborgd; gestopt can follow any of them. */
export const interventionStatuses = ['idee', 'prototype', 'pilot', 'implementatie', 'geborgd', 'gestopt'] as const
export type InterventionStatus = (typeof interventionStatuses)[number]

/** Where an intervention happens: the programme's "vindplaatsen". */
export const interventionPlaces = [
  'school',
  'consultatiebureau',
  'voedselbank',
  'ikc',
  'huisarts',
  'kinderopvang',
  'wijk',
  'anders',
] as const
export type InterventionPlace = (typeof interventionPlaces)[number]

/** Recognition levels as the NJi Databank Effectieve Jeugdinterventies names them. */
export const recognitionLevels = ['goed-onderbouwd', 'effectief-eerste', 'effectief-goede', 'effectief-sterke'] as const
export type RecognitionLevel = (typeof recognitionLevels)[number]

/** Which way a target metric should move. */
export const targetDirections = ['lower', 'higher'] as const
export type TargetDirection = (typeof targetDirections)[number]

/** The team's own reading of a target, beside the computed status. */
export const targetJudgements = ['op-koers', 'twijfel', 'zorg'] as const
export type TargetJudgement = (typeof targetJudgements)[number]

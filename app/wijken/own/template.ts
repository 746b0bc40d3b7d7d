/**
 * The CSV template for organisations that deliver their own figures: one line per area (its CBS
 * code, as in the bundled KWB tables), a period, and one column per figure with its unit in
 * parentheses; a column "(basis)" holds the count a percentage is a share of. The two example
 * lines carry real codes and no figures, so a template sent back untouched imports nothing.
 */
export const ownTableTemplate =
  '\uFEFF' +
  [
    '"Regiocode";"Naam gebied";"Periode";"Voorbeeld: aantal meldingen (aantal)";"Voorbeeld: aandeel gezinnen (%)";"Aantal gezinnen (basis)"',
    '"GM0796";"\'s-Hertogenbosch";"2024";"";"";""',
    '"WK079601";"Binnenstad";"2024";"";"";""',
  ].join('\r\n') +
  '\r\n'

/**
 * The new-target form offers a baseline "from the wijk data" or "by hand". The API knows only
 * the second (`baseline`; without it the server takes the wijk's figure), so the hand-typed
 * fields count only when "by hand" is chosen: the browser's check and the action both read the
 * form through this.
 */
export function withChosenBaseline(formData: FormData): FormData {
  if (formData.get('baselineKind') === 'hand') return formData
  const kept = new FormData()
  for (const [key, value] of formData) if (!key.startsWith('baseline.')) kept.append(key, value)
  return kept
}

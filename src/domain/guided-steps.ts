/**
 * Where a guided flow goes after a card (request a presence, file a policy). Back and Save draft never validate;
 * Next moves on only when the step is valid, and past the last step it reaches the summary (count + 1).
 */
export function nextStep(nav: 'next' | 'back' | 'save', step: number, valid: boolean, count: number): number {
  if (nav === 'back') return Math.max(1, step - 1);
  if (nav === 'next' && valid) return Math.min(step + 1, count + 1);
  return step;
}

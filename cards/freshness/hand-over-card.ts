import { card, execute, status, text, title } from '../common/elements';
import { choiceInput } from '../common/inputs';
import type { HandOverView } from '../../src/services/freshness/owner-actions';

/** FRESH-1: the owner picks who takes a presence over (people who have used Social Steward). */
export function handOverCard(v: HandOverView) {
  return card(
    [
      title(`Hand over ${v.handle}`),
      text('The new owner keeps it fresh and current and gets its weekly reminders. They are told at once.', { subtle: true }),
      v.error ? status(v.error, 'attention') : null,
      ...choiceInput({ id: 'newOwnerId', label: 'New owner', required: true, choices: v.candidates, error: v.error }),
    ],
    [execute('Hand over', { verb: 'freshness.hand_over', presenceId: v.presenceId }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}

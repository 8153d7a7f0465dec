import { card, execute, facts, status, text, title } from '../common/elements';
import { errorSummary, textInput } from '../common/inputs';
import { peoplePicker } from '../common/pickers';
import { HANDOVER_REASON_MAX } from '../../src/domain/custody';
import type { HandOverView } from '../../src/services/presence/hand-over-presence';

/** REG-1, REG-2: the owner, department head or IT picks the new owner and says why; the new owner is told at once. */
export function handOverCard(v: HandOverView) {
  const err = v.errors ?? {};
  return card(
    [
      title(`Hand over ${v.handle}`),
      status('The new owner is told at once and asked to change its password.'),
      errorSummary(v.errors),
      facts([['Owner now', v.ownerName]]),
      ...peoplePicker({ id: 'newOwnerId', label: 'New owner', required: true, view: v.people, value: v.values?.newOwnerId, typed: v.values?.newOwnerIdTyped, error: err.newOwnerId }),
      ...textInput({ id: 'handoverReason', label: 'Why', required: true, multiline: true, maxLength: HANDOVER_REASON_MAX, value: v.values?.handoverReason, error: err.handoverReason, errorMessage: 'Say why it is handed over', placeholder: 'Pat moved to the Streets Division; Lee runs the account from now on.' }),
      text('The new owner also gets its weekly reminders. The handover is recorded.', { subtle: true, size: 'Small' }),
    ],
    [execute('Hand over', { verb: 'presence.handover', presenceId: v.presenceId }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}

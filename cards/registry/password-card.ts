import { card, execute, facts, status, text, title } from '../common/elements';
import { errorSummary, textInput } from '../common/inputs';
import type { PasswordView } from '../../src/services/presence/change-password';

/** REG-2: the owner or IT records the account's changed password; the card says when it last changed, never what it is. */
export function passwordCard(v: PasswordView) {
  const err = v.errors ?? {};
  const retype = v.errors && Object.values(v.errors).some(Boolean);
  return card(
    [
      title(`New password for ${v.handle}`),
      status(v.afterHandover ? 'It changed hands: change the password on the platform first, then record the new one here.' : 'Change the password on the platform first, then record the new one here.', v.afterHandover ? 'attention' : 'default'),
      errorSummary(v.errors),
      retype ? text('For your safety the login and password were not sent back: type them again.', { color: 'attention', size: 'Small' }) : null,
      facts([['Last recorded', v.lastChanged ?? 'Not recorded']]),
      ...textInput({ id: 'newPassword', label: 'New password', required: true, style: 'Password', error: err.newPassword, errorMessage: 'Enter the new password', placeholder: "The account's new password" }),
      ...textInput({
        id: 'newLogin',
        label: 'New login (only if it changed too)',
        error: err.newLogin,
        placeholder: 'parks-social@cityofmadison.com',
        why: 'Leave it blank to keep the login on record. The City is the registrant, so a login is on a City address.',
      }),
      text('It is encrypted; only the owner and IT can reveal it, and each time is recorded.', { subtle: true, size: 'Small' }),
    ],
    [execute('Save password', { verb: 'presence.password', presenceId: v.presenceId }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}

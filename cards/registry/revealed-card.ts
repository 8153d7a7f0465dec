import { card, execute, status, text, title } from '../common/elements';
import { textInput } from '../common/inputs';

/**
 * REG-2: returned only as the answer to the clicker's own button in a personal chat, never through the outbox.
 * The login sits in inputs rather than a FactSet because FactSet values are markdown and would mangle a password
 * with * or _ in it; an input also makes it easy to copy. "Hide" sends no inputs back and replaces this card, so the
 * password does not stay on screen in the chat's history.
 */
export function revealedCard(v: { presenceId: string; handle: string; login: string; password: string }) {
  return card(
    [
      title(`Login for ${v.handle}`),
      status('Shown only to you; this was recorded in the audit trail', 'warning'),
      ...textInput({ id: 'shownLogin', label: 'Login', value: v.login }),
      ...textInput({ id: 'shownPassword', label: 'Password', value: v.password }),
      text('Press Hide when you are done, so it does not stay on your screen.', { subtle: true, size: 'Small' }),
    ],
    [execute('Hide', { verb: 'presence.open', presenceId: v.presenceId }, 'positive', { associatedInputs: 'none' })],
  );
}

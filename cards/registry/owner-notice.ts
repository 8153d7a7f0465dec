import { card, execute, status, text, title } from '../common/elements';
import { VERB_PAST, type StateTarget } from '../../src/domain/presence';

const WHAT_NOW: Record<StateTarget, string> = {
  suspended: 'Do not post from the account while it is suspended. If you think this is a mistake, ask IT.',
  active: 'You can post from the account again.',
  retired: "The account is retired from the City's registry. Its record is kept for public records requests.",
};

/** To the owner's personal chat when IT changes a presence's state: what happened, why, and the way to the record. */
export function stateChangedNotice(v: { presenceId: string; handle: string; to: StateTarget; by: string; reason: string }) {
  return card(
    [title(`IT ${VERB_PAST[v.to]} ${v.handle}`), status(`${v.by}: ${v.reason}`, v.to === 'active' ? 'good' : 'attention'), text(WHAT_NOW[v.to])],
    [execute('Open presence', { verb: 'presence.open', presenceId: v.presenceId })],
  );
}

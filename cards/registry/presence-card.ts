import { EXTERNAL_LINK_DISCLAIMER } from '../../src/domain/posts/disclaimer';
import { actionSet, bullets, card, confirm, container, details, execute, facts, heading, showDetails, status, text, title, type Action, type Color, type Element } from '../common/elements';
import { ownLabel } from '../../src/domain/own-keys';
import { textInput } from '../common/inputs';
import { PRESENCE_STATE_LABELS, type PresenceAction, type PresenceState, type StateTarget } from '../../src/domain/presence';
import type { Section } from '../../src/services/presence/describe-request';
import { REASON_INPUT } from '../../src/verbs/registry';
import { PASSWORD_NOT_CHANGED } from './registry-card';

export interface PresenceCardView {
  presenceId: string;
  version: number;
  handle: string;
  state: PresenceState;
  sections: Section[];
  accountUrl?: string;
  ownerName: string;
  /** "Tue, Dec 1, 2026, 2:14 PM" when the owner confirmed the notice. */
  noticeConfirmedOn?: string;
  credentialStored: boolean;
  /** REG-2: when the login was last recorded and by whom (never the value), and whether it changed since a handover. */
  credentialChanged?: string;
  passwordNotChanged?: boolean;
  /** Newest first. */
  history: Array<{ what: string; who: string; when: string }>;
  /** What this person may do here (domain allowedActions). */
  actions: PresenceAction[];
  /** The person could reveal the login, but not in this chat. */
  revealElsewhere?: boolean;
  notice?: { text: string; color: Color };
  stateError?: { to: StateTarget; message: string };
  /** IT may see its posts' histories and referrals (REC-3, REC-4). */
  oversight?: boolean;
}

// Only a suspension is coloured: Teams' good and warning text read at 2.1:1 and 1.5:1 (issue 19).
const STATE_COLOR: Record<PresenceState, Color> = { approved_not_live: 'default', active: 'default', suspended: 'attention', retired: 'default' };
const DETAILS = 'presence-details';

const STATE_ACTION: Record<StateTarget, { title: string; ask: string; confirm: string; placeholder: string }> = {
  suspended: { title: 'Suspend', ask: 'Why suspend it? The owner is told.', confirm: 'Yes, suspend', placeholder: 'Not updated since March; the owner has not answered two nudges.' },
  active: { title: 'Reactivate', ask: 'Why reactivate it? The owner is told.', confirm: 'Reactivate', placeholder: 'The owner has posted the missing notice.' },
  retired: { title: 'Retire', ask: 'Why retire it? The owner is told, and the record is kept.', confirm: 'Yes, retire', placeholder: 'The program ended; the account is closed.' },
};

function stateAction(v: PresenceCardView, to: StateTarget): Action {
  const a = STATE_ACTION[to];
  const error = v.stateError?.to === to ? v.stateError.message : undefined;
  const body = textInput({ id: REASON_INPUT[to], label: a.ask, required: true, multiline: true, maxLength: 1000, placeholder: a.placeholder, error, errorMessage: 'Say why, so the owner knows' });
  // Reactivating undoes nothing, so it asks for its reason without the destructive colour.
  return confirm(a.title, body, execute(a.confirm, { verb: 'presence.state', presenceId: v.presenceId, version: v.version, to }, to === 'active' ? 'positive' : 'destructive'), to === 'active' ? 'default' : 'destructive');
}

/** REG-1: one presence's record, its state, its history, and only the buttons this person may use here. */
export function presenceCard(v: PresenceCardView) {
  const ref = { presenceId: v.presenceId };
  const can = (a: PresenceAction) => v.actions.includes(a);
  const body: Array<Element | null> = [
    title(v.handle),
    status(ownLabel(PRESENCE_STATE_LABELS, v.state), Object.hasOwn(STATE_COLOR, v.state) ? STATE_COLOR[v.state] : 'default'),
    v.state === 'approved_not_live' ? text("Next: the owner records the account's address and login, and posts the City's notice to users.", { subtle: true }) : null,
    v.notice ? text(v.notice.text, { color: v.notice.color, weight: 'Bolder' }) : null,
    v.passwordNotChanged ? text(`${PASSWORD_NOT_CHANGED}: its new owner changes it and records the new one.`, { color: 'attention', weight: 'Bolder' }) : null,
    v.stateError ? text(`${STATE_ACTION[v.stateError.to].title}: ${v.stateError.message}`, { color: 'attention', weight: 'Bolder' }) : null,
    container([
      heading('In the registry'),
      facts([
        ['Address', v.accountUrl ?? 'Not recorded yet'],
        ['Owner', v.ownerName],
        ['Notice to users', v.noticeConfirmedOn ? `Confirmed on ${v.noticeConfirmedOn}` : 'Not confirmed yet'],
        ['Login', v.credentialStored ? 'Stored, encrypted' : 'Not recorded yet'],
        ['Password last recorded', v.credentialChanged],
      ]),
      // POST-3: the disclaimer belongs on the account's page too, not only on posts that link outside the City.
      text(`On the account's page (its bio or "about"), the City's disclaimer about external links, word for word: ${EXTERNAL_LINK_DISCLAIMER}`, { size: 'Small' }),
    ]),
    custodyButtons(v),
    // The request behind it and the history, one tap away: the buttons stay within two phone screens (issue 19).
    actionSet([showDetails(DETAILS, 'Show the request')]),
    details(DETAILS, [
      ...v.sections.flatMap((s) => [heading(s.title), facts(s.facts.map(([k, val]) => [k, val ?? '-']))]),
      ...(v.history.length ? [heading('History'), bullets(v.history.map((h) => `${h.what} · ${h.who} · ${h.when}`), { size: 'Small' })] : []),
    ]),
    v.revealElsewhere ? text('To see the login, open this presence in your personal chat with Social Steward.', { subtle: true, size: 'Small' }) : null,
  ];
  return card(body, [
    can('setup') && execute('Set up', { verb: 'presence.setup.start', ...ref }, 'positive'),
    can('edit') && execute('Edit details', { verb: 'presence.edit.start', ...ref }),
    can('reveal') && execute('Reveal login', { verb: 'presence.reveal', ...ref }),
    // REQ-6: a new account name or platform goes back through review (a request that changes this presence).
    can('change') && execute('Request a change', { verb: 'presence.change.start', ...ref }),
    ...(['active', 'suspended', 'retired'] as const).map((to) => can(to) && stateAction(v, to)),
    v.oversight && execute('Posts and referrals', { verb: 'presence.oversight', ...ref }, undefined, { associatedInputs: 'none' }),
    execute('Registry', { verb: 'registry.show' }, undefined, { associatedInputs: 'none' }),
  ]);
}

/** REG-2, REG-1: the custody buttons sit beside the login and owner, so the card's own buttons still fit at 360 px. */
function custodyButtons(v: PresenceCardView): Element | null {
  const ref = { presenceId: v.presenceId };
  const buttons: Action[] = [];
  if (v.actions.includes('password')) buttons.push(execute('New password', { verb: 'presence.password.start', ...ref }, v.passwordNotChanged ? 'positive' : undefined, { associatedInputs: 'none' }));
  if (v.actions.includes('handover')) buttons.push(execute('Hand over', { verb: 'presence.handover.start', ...ref }, undefined, { associatedInputs: 'none' }));
  return buttons.length ? actionSet(buttons) : null;
}

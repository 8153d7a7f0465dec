import { actionSet, bullets, card, confirm, container, execute, facts, heading, status, text, title, type Action } from '../common/elements';
import { choiceInput, textInput } from '../common/inputs';
import { peoplePicker } from '../common/pickers';
import type { FreshnessDigestView, FreshnessEscalationView } from '../../src/services/presenters';
import { APM_GROUND_LABELS, APM_GROUNDS, DIRECTOR_ACTION_LABELS, type DirectorAction } from '../../src/domain/freshness/director-rule';
import { DIRECTOR_INPUTS, retireInputId } from '../../src/verbs/freshness';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * FRESH-1: the owner's weekly digest, one message naming every stale presence they own (APM clause 8: keep it fresh
 * and current). Each presence has its own buttons; their data names the presence only.
 */
export function freshnessDigest(v: FreshnessDigestView) {
  return card([
    title('Your social media accounts need a look'),
    status(`${plural(v.presences.length, 'account')} had no activity for 30 days or more (week of ${v.weekOf}).`, 'warning'),
    text('The City asks that every account be kept fresh and current. Post something, or tell us it is still active; if you no longer look after it, hand it over or retire it.', { subtle: true, size: 'Small' }),
    ...v.presences.map((p) =>
      container([
        heading(`${p.handle} (${p.platform})`),
        facts([
          ['Last activity', `${p.lastActivity} (${plural(p.daysIdle, 'day')} ago)`],
          ['Earlier reminders', p.nudgesBefore ? `${p.nudgesBefore} unanswered` : 'none'],
        ]),
        actionSet([
            // The posts flow ("draft a post") with this presence already chosen: the compose card opens at once.
            execute('Draft a post', { verb: 'post.new', presenceId: p.presenceId }, 'positive'),
            execute('Still active', { verb: 'freshness.still_active', presenceId: p.presenceId }),
            execute('Hand over', { verb: 'presence.handover.start', presenceId: p.presenceId }),
            confirm('Retire it', textInput({ id: retireInputId(p.presenceId), label: 'Why retire it? (kept on record)', required: true, maxLength: 500 }), execute('Yes, retire it', { verb: 'freshness.retire', presenceId: p.presenceId }, 'destructive')),
        ]),
        // The row keeps what fits at 360 px, the rest in "..." (issue 19); the registry card opens from a tap on this line.
        { type: 'Container', items: [text('Open its registry card', { size: 'Small' })], selectAction: execute('Open', { verb: 'presence.open', presenceId: p.presenceId }) },
      ], 'emphasis'),
    ),
  ]);
}

/** Short enough that three and the "..." menu fit side by side at 360 px (issue 19); the form says it in full. */
const BUTTON_TITLES: Record<DirectorAction, string> = { more_time: 'More time', reassign: 'Reassign', suspend: 'Suspend', remove: 'Remove' };

/** One action's form: the APM ground, a note for the record, and for a reassignment the new owner. */
function directorAction(v: FreshnessEscalationView, action: DirectorAction): Action {
  const ids = DIRECTOR_INPUTS[action];
  const body = [
    ...choiceInput({ id: ids.ground, label: 'Ground (APM, Role of IT 1)', required: true, choices: APM_GROUNDS.map((g) => ({ title: APM_GROUND_LABELS[g], value: g })) }),
    ...textInput({ id: ids.note, label: 'Note for the record', required: true, multiline: true, maxLength: 1000, placeholder: 'What you found, and why this action' }),
    ...(action === 'reassign' ? peoplePicker({ id: 'newOwnerId', label: 'New owner', required: true, view: v.people }) : []),
  ];
  const go = execute(DIRECTOR_ACTION_LABELS[action], { verb: 'freshness.decide', escalationId: v.escalationId, action }, action === 'remove' || action === 'suspend' ? 'destructive' : 'positive');
  return confirm(BUTTON_TITLES[action], body, go, action === 'remove' || action === 'suspend' ? 'destructive' : 'default');
}

/** FRESH-2, FRESH-3: a presence put to the IT Director, with the evidence and the four actions the APM allows. */
export function freshnessEscalation(v: FreshnessEscalationView) {
  const open = !v.decided;
  const actions: DirectorAction[] = ['more_time', 'reassign', ...(v.canSuspend ? (['suspend'] as const) : []), 'remove'];
  return card(
    [
      title(`${v.handle} may be abandoned`),
      status(v.why, 'attention'),
      v.notice ? status(v.notice, 'warning') : null,
      v.inputError ? status(v.inputError, 'attention') : null,
      facts([
        ['Platform', v.platform],
        ['Department', v.department],
        ['Owner', v.owner],
        ['Last activity', `${v.lastActivity} (${plural(v.daysIdle, 'day')} ago)`],
        ['Reminders sent', String(v.nudges.length)],
      ]),
      v.nudges.length ? bullets(v.nudges) : text('No reminder has been sent yet.', { subtle: true }),
      v.decided
        ? container([status(`${v.decided.action}${v.decided.newOwner ? ` to ${v.decided.newOwner}` : ''}, by ${v.decided.by} on ${v.decided.at}`, 'good'), facts([['Ground', v.decided.ground], ['Note', v.decided.note]]), text('The presence was recorded as it stood before this action.', { subtle: true, size: 'Small' })], 'emphasis')
        : text('Before any action, the presence is recorded as it stands: its registry record and its history.', { subtle: true, size: 'Small' }),
    ],
    [...(open ? actions.map((a) => directorAction(v, a)) : []), execute('Open', { verb: 'presence.open', presenceId: v.presenceId })],
  );
}

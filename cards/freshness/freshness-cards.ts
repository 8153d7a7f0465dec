import { bullets, card, container, execute, facts, heading, status, text, title } from '../common/elements';
import type { FreshnessDigestView, FreshnessEscalationView } from '../../src/services/presenters';

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
        { type: 'ActionSet', actions: [execute('Still active', { verb: 'freshness.still_active', presenceId: p.presenceId }, 'positive'), execute('Open', { verb: 'presence.open', presenceId: p.presenceId })] },
      ], 'emphasis'),
    ),
  ]);
}

/** FRESH-2: a presence put to the IT Director, with the evidence the APM's grounds are judged on. */
export function freshnessEscalation(v: FreshnessEscalationView) {
  return card(
    [
      title(`${v.handle} may be abandoned`),
      status(v.why, 'attention'),
      facts([
        ['Platform', v.platform],
        ['Department', v.department],
        ['Owner', v.owner],
        ['Last activity', `${v.lastActivity} (${plural(v.daysIdle, 'day')} ago)`],
        ['Reminders sent', String(v.nudges.length)],
      ]),
      v.nudges.length ? bullets(v.nudges) : text('No reminder has been sent yet.', { subtle: true }),
    ],
    [execute('Open', { verb: 'presence.open', presenceId: v.presenceId })],
  );
}

import type { DeadLetterView } from '../../src/services/delivery/list-dead-letters';
import { actionSet, card, container, execute, facts, formatWhen, heading, status, text, title, type Color } from '../common/elements';

/** Admins: messages Teams never took, each with why and a "Send again" button (issue 8). */
export function deliveryProblemsCard(v: { total: number; rows: DeadLetterView[]; timeZone: string; notice?: { text: string; color: Color } }) {
  const summary =
    v.total === 0
      ? status('Every message has been delivered or is still on its way.', 'good')
      : status(`${v.total} message${v.total === 1 ? '' : 's'} could not be delivered${v.total > v.rows.length ? `; the ${v.rows.length} newest are below` : ''}.`, 'warning');
  return card(
    [
      title('Delivery problems'),
      v.notice && status(v.notice.text, v.notice.color),
      summary,
      ...v.rows.map((r) =>
        container([
          heading(`${capitalize(r.kind)} to ${r.to}`),
          facts([
            ['What', r.summary],
            ['Why', r.reason],
            ['Attempts', r.throttledAttempts ? `${r.attempts} (${r.throttledAttempts} throttled by Teams)` : String(r.attempts)],
            ['Queued', formatWhen(r.queuedAt, v.timeZone)],
          ]),
          r.superseded
            ? text('A newer copy of this card was posted when its channel was bound: nothing to send again.', { subtle: true, size: 'Small' })
            : actionSet([execute('Send again', { verb: 'delivery.resend', outboxId: r.id })]),
        ]),
      ),
      v.total > 0 && text('Send again starts a fresh round of attempts; it is recorded in the audit trail.', { subtle: true, size: 'Small' }),
    ],
    [execute('Refresh', { verb: 'delivery.problems' }), execute('Back to help', { verb: 'help.show' })],
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

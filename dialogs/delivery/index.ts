import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { isAdmin } from '../../src/domain/roles';
import { listDeadLetters } from '../../src/services/delivery/list-dead-letters';
import { resendDeadLetter } from '../../src/services/delivery/resend-dead-letter';
import type { Color } from '../../cards/common/elements';
import { deliveryProblemsCard } from '../../cards/delivery/delivery-problems-card';

async function showProblems(turn: Turn, notice?: { text: string; color: Color }) {
  const { total, rows } = await listDeadLetters(turn.services, turn.actor);
  return deliveryProblemsCard({ total, rows, timeZone: turn.services.config.timeZone, notice });
}

/** `delivery problems` (admins): dead letters with the reason, and "Send again" (issue 8). */
export function register(router: Router): void {
  router.entry(
    { title: 'Delivery problems', description: 'See messages Teams would not take, and why; send them again.', verb: 'delivery.problems', command: 'delivery problems', visible: (actor) => isAdmin(actor) },
    (turn) => showProblems(turn),
  );
  router.verb(
    'delivery.resend',
    async (turn, data) => {
      const outcome = await resendDeadLetter(turn.services, turn.actor, data.outboxId);
      return showProblems(turn, outcome.resent ? { text: `Sending "${outcome.summary}" to ${outcome.to} again.`, color: 'good' } : { text: outcome.reason, color: 'default' });
    },
    'This card does not name a message. Type "delivery problems" for a fresh card.',
  );
}

import type { Actor } from '../../domain/roles';
import type { Place } from '../../domain/presence';
import { canConfirmActive } from '../../domain/freshness/confirm-rule';
import { refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { factsOf, loadPresence } from '../presence/load-presence';
import { openPresence } from '../presence/presence-reads';
import { orAsItStands } from '../engines/stale-click';
import type { PresenceView } from '../presence/presence-views';

/**
 * FRESH-1: the owner presses "Still active" on a weekly nudge. The confirmation is activity (lastActivity counts
 * it), so the presence is fresh again and its unanswered nudges are answered; the confirmation and its audit event
 * commit together at the injected clock.
 */
export function confirmStillActive(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, where: Place, presenceId: string): Promise<PresenceView> {
  return orAsItStands(
    async () => {
      const presence = await loadPresence(svc.db, presenceId);
      const verdict = canConfirmActive(factsOf(presence), actor);
      if (verdict.refused) refusedWith(verdict);
      const at = svc.now();
      await svc.db.$transaction(async (tx) => {
        await tx.presenceConfirmation.create({ data: { presenceId, personId: actor.personId, at } });
        await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'presence.confirmed_active', entityType: 'presence', entityId: presenceId, data: { handle: presence.handle } }, at);
      }, TX_OPTIONS);
      return openPresence(svc, actor, where, presenceId, { text: 'Thank you: it is recorded as still active. The weekly reminders stop until it goes quiet for 30 days again.', color: 'good' });
    },
    (why) => openPresence(svc, actor, where, presenceId, { text: why, color: 'warning' }),
  );
}

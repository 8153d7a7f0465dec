import type { Actor } from '../../domain/roles';
import type { Place } from '../../domain/presence';
import { canOwnerRetire } from '../../domain/freshness/owner-actions';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { factsOf, loadPresence, recordAsItStands } from '../presence/load-presence';
import { openPresence } from '../presence/presence-reads';
import { orAsItStands } from '../engines/stale-click';
import type { PresenceView } from '../presence/presence-views';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';

type Svc = Pick<Services, 'db' | 'config' | 'present' | 'now'>;

/** FRESH-1: the owner retires a presence they no longer need, with the reason; the record keeps it as it stood. */
export function retireByOwner(svc: Svc, actor: Actor, where: Place, input: { presenceId: string; reason?: string }): Promise<PresenceView> {
  return orAsItStands(
    async () => {
      const presence = await loadPresence(svc.db, input.presenceId);
      const verdict = canOwnerRetire(factsOf(presence), actor, input.reason);
      if (verdict.refused) refusedWith(verdict);
      const at = svc.now();
      await svc.db.$transaction(async (tx) => {
        const { count } = await tx.presence.updateMany({ where: { id: presence.id, ownerId: actor.personId, state: presence.state }, data: { state: 'retired', version: { increment: 1 } } });
        if (count === 0) throw new AppError('STALE_CARD', 'This presence changed meanwhile, so your click did not change anything.');
        await enqueuePresenceEvent(tx, svc.config, 'presence.state_changed', presence.id, at, presence.state);
        await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'presence.state_changed', entityType: 'presence', entityId: presence.id, data: { from: presence.state, to: 'retired', reason: input.reason!.trim(), by: 'owner', before: recordAsItStands(presence) } }, at);
      }, TX_OPTIONS);
      return openPresence(svc, actor, where, presence.id, { text: 'Retired. Its record is kept; the weekly reminders stop.', color: 'good' });
    },
    (why) => openPresence(svc, actor, where, input.presenceId, { text: why, color: 'warning' }),
  );
}

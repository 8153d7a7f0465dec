import type { Actor } from '../../domain/roles';
import { canSetState, VERB_PAST } from '../../domain/presence';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import type { TSetState } from '../../verbs/registry';
import { factsOf, loadPresence, recordAsItStands } from './load-presence';
import { openPresence } from './presence-reads';
import { orAsItStands } from '../engines/stale-click';
import type { PresenceView } from './presence-views';
import type { Place } from '../../domain/presence';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';

/**
 * IT 1, FRESH-2, FRESH-3: IT suspends, reactivates or retires a presence with a reason. One transaction: the state,
 * the audit event carrying the presence as it stood before, and the owner's notice. The version guard means IT acts
 * on exactly what its card showed.
 */
export function setPresenceState(svc: Pick<Services, 'db' | 'config' | 'present'>, actor: Actor, where: Place, input: Omit<TSetState, 'verb'>): Promise<PresenceView> {
  return orAsItStands(() => setState(svc, actor, where, input), (why) => openPresence(svc, actor, where, input.presenceId, { text: why, color: 'warning' }));
}

async function setState(svc: Pick<Services, 'db' | 'config' | 'present'>, actor: Actor, where: Place, input: Omit<TSetState, 'verb'>): Promise<PresenceView> {
  const { db, present } = svc;
  const presence = await loadPresence(db, input.presenceId);
  const verdict = canSetState(factsOf(presence), actor, input.to, input.reason);
  if (verdict.refused) refusedWith(verdict);

  await db.$transaction(async (tx) => {
    const { count } = await tx.presence.updateMany({
      where: { id: presence.id, version: input.version, state: presence.state },
      data: { state: verdict.next, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'This presence changed after your card was shown, so your click did not change anything. Here it is as it stands.');
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.state_changed',
      entityType: 'presence',
      entityId: presence.id,
      data: { from: presence.state, to: verdict.next, reason: input.reason, before: recordAsItStands(presence) },
    });
    await enqueuePresenceEvent(tx, svc.config, 'presence.state_changed', presence.id, new Date(), presence.state);
    await enqueueToPerson(tx, presence.ownerId, {
      summary: `IT ${VERB_PAST[verdict.next]} ${presence.handle}`,
      card: present.stateChangedNotice({ presenceId: presence.id, handle: presence.handle, to: verdict.next, by: actor.name, reason: input.reason }),
    });
  }, TX_OPTIONS);
  return openPresence(svc, actor, where, presence.id, { text: `${VERB_PAST[input.to].replace(/^./, (c) => c.toUpperCase())}. The owner has been told.`, color: 'good' });
}

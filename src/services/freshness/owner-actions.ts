import type { Actor } from '../../domain/roles';
import type { Place } from '../../domain/presence';
import { canHandOver, canOwnerRetire } from '../../domain/freshness/owner-actions';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { factsOf, loadPresence, recordAsItStands } from '../presence/load-presence';
import { openPresence } from '../presence/presence-reads';
import { orAsItStands } from '../engines/stale-click';
import type { PresenceView } from '../presence/presence-views';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';

export interface HandOverView {
  presenceId: string;
  handle: string;
  candidates: Array<{ title: string; value: string }>;
  error?: string;
}

type Svc = Pick<Services, 'db' | 'config' | 'present' | 'now'>;

/** The hand-over form: people who have used Social Steward, by name; only the owner gets it. */
export async function handOverForm(svc: Pick<Services, 'db'>, actor: Actor, presenceId: string, error?: string): Promise<HandOverView> {
  const presence = await loadPresence(svc.db, presenceId);
  const verdict = canHandOver(factsOf(presence), actor, 'someone-else');
  if (verdict.refused) refusedWith(verdict);
  const people = await svc.db.person.findMany({ where: { id: { not: actor.personId } }, orderBy: { name: 'asc' }, take: 100, select: { id: true, name: true } });
  return { presenceId, handle: presence.handle, candidates: people.map((p) => ({ title: p.name, value: p.id })), error };
}

/** FRESH-1: the owner hands a presence over; the new owner is told. Guarded on the owner, so a late click changes nothing. */
export async function handOver(svc: Svc, actor: Actor, where: Place, input: { presenceId: string; newOwnerId?: string }): Promise<{ screen: 'form'; view: HandOverView } | { screen: 'presence'; view: PresenceView }> {
  const presence = await loadPresence(svc.db, input.presenceId);
  const verdict = canHandOver(factsOf(presence), actor, input.newOwnerId);
  if (verdict.refused && verdict.code === 'INVALID_INPUT') return { screen: 'form', view: await handOverForm(svc, actor, input.presenceId, verdict.message) };
  if (verdict.refused) refusedWith(verdict);
  const newOwner = await svc.db.person.findUnique({ where: { id: input.newOwnerId! } });
  if (!newOwner) return { screen: 'form', view: await handOverForm(svc, actor, input.presenceId, 'That person is not known to Social Steward: choose from the list.') };
  const at = svc.now();
  await svc.db.$transaction(async (tx) => {
    const { count } = await tx.presence.updateMany({ where: { id: presence.id, ownerId: actor.personId, state: { not: 'retired' } }, data: { ownerId: newOwner.id, version: { increment: 1 } } });
    if (count === 0) throw new AppError('STALE_CARD', 'This presence changed meanwhile, so your click did not change anything.');
    // Handing over answers the nudges: the new owner starts with a fresh clock, not the old owner's unanswered nudges.
    await tx.presenceConfirmation.create({ data: { presenceId: presence.id, personId: actor.personId, at } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'presence.handed_over', entityType: 'presence', entityId: presence.id, data: { from: actor.personId, to: newOwner.id, before: recordAsItStands(presence) } }, at);
    await enqueueToPerson(tx, newOwner.id, {
      summary: `${actor.name} handed ${presence.handle} to you`,
      card: svc.present.noticeCard({ headline: `You now own ${presence.handle}`, detail: `${actor.name} handed it over to you.`, color: 'accent', about: 'Keep it fresh and current: the weekly reminders now come to you.', action: { title: 'Open it', verb: 'presence.open', presenceId: presence.id } }),
    });
  }, TX_OPTIONS);
  return { screen: 'presence', view: await openPresence(svc, actor, where, presence.id, { text: `Handed over to ${newOwner.name}; they have been told.`, color: 'good' }) };
}

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

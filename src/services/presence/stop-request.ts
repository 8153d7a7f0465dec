import type { Actor } from '../../domain/roles';
import { canStop, type RequestStatus } from '../../domain/presence-request';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueUpdate } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { reviewViewFor } from './request-views';
import { myRequests, type MyRequestsView } from './request-reads';
import { orAsItStands } from '../engines/stale-click';

/** The requester withdraws a request in review (its channel card says so) or cancels a draft. Kept, never deleted. */
export function stopRequest(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, requestId: string): Promise<MyRequestsView> {
  return orAsItStands(() => stop(svc, actor, requestId), (why) => myRequests(svc, actor, why));
}

async function stop(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, requestId: string): Promise<MyRequestsView> {
  const { db, config, present, now } = svc;
  const req = await db.presenceRequest.findUnique({ where: { id: requestId } });
  if (!req) throw new AppError('NOT_FOUND', 'That request no longer exists.');
  const verdict = canStop({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor);
  if (verdict.refused) refusedWith(verdict);
  await db.$transaction(async (tx) => {
    const { count } = await tx.presenceRequest.updateMany({ where: { id: req.id, status: req.status }, data: { status: verdict.next, version: { increment: 1 } } });
    if (count === 0) throw new AppError('STALE_CARD', 'This request changed just now; your click did not change anything.');
    const pending = await tx.review.findMany({ where: { requestId: req.id, status: 'pending' }, include: { request: true } });
    for (const review of pending) {
      await tx.review.update({ where: { id: review.id }, data: { status: 'withdrawn', decidedAt: now() } });
      if (review.cardOutboxId) {
        const card = present.reviewCard(await reviewViewFor(tx, await tx.review.findUniqueOrThrow({ where: { id: review.id }, include: { request: true } }), config.timeZone));
        await enqueueUpdate(tx, review.cardOutboxId, { card, summary: 'Withdrawn by the requester' });
      }
    }
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: `request.${verdict.next}`, entityType: 'presence_request', entityId: req.id, data: { from: req.status } });
  }, TX_OPTIONS);
  return myRequests(svc, actor, verdict.next === 'withdrawn' ? 'Request withdrawn; the reviewers can see that.' : 'Request cancelled.');
}

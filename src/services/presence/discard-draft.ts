import type { Actor } from '../../domain/roles';
import { canDiscard, canStop, type RequestStatus } from '../../domain/presence-request';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import type { ConfirmView } from '../done-view';
import { orAsItStands } from '../engines/stale-click';
import { draftOf } from './request-views';
import { loadOwnRequest, myRequests, type MyRequestsView } from './request-reads';

type Svc = Pick<Services, 'db' | 'config' | 'now'>;

/** Issue 10: a draft never sent leaves "my requests". The row is kept (status discarded) and the act audited. */
export function discardDraft(svc: Svc, actor: Actor, requestId: string): Promise<MyRequestsView> {
  return orAsItStands(() => discard(svc, actor, requestId), (why) => myRequests(svc, actor, why));
}

async function discard(svc: Svc, actor: Actor, requestId: string): Promise<MyRequestsView> {
  const req = await svc.db.presenceRequest.findUnique({ where: { id: requestId } });
  if (!req) throw new AppError('NOT_FOUND', 'That draft no longer exists.');
  const verdict = canDiscard({ requesterId: req.requesterId, status: req.status as RequestStatus, round: req.round }, actor);
  if (verdict.refused) refusedWith(verdict);
  await svc.db.$transaction(async (tx) => {
    const { count } = await tx.presenceRequest.updateMany({ where: { id: req.id, status: 'draft', round: 0, version: req.version }, data: { status: 'discarded', version: { increment: 1 } } });
    if (count === 0) throw new AppError('STALE_CARD', 'This draft changed just now; your click did not change anything.');
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'request.discarded', entityType: 'presence_request', entityId: req.id, data: { handle: draftOf(req.answers).handle ?? null } }, svc.now());
  }, TX_OPTIONS);
  return myRequests(svc, actor, 'Draft discarded.');
}

/**
 * The confirm card for Withdraw, Cancel or Discard (CARDS.md: destructive actions confirm first). Only the
 * requester gets it; the confirmed click is checked again from scratch.
 */
export async function confirmStopOrDiscard(svc: Pick<Services, 'db'>, actor: Actor, requestId: string, act: 'stop' | 'discard'): Promise<ConfirmView> {
  const req = await loadOwnRequest(svc.db, actor, requestId);
  const what = draftOf(req.answers).handle ?? 'this request';
  const back = { title: 'Keep it', verb: 'request.open', requestId } as const;
  if (act === 'discard') return { headline: 'Discard this draft?', question: `The draft for ${what} leaves your list. This cannot be undone here.`, confirm: { title: 'Yes, discard', verb: 'request.discard', requestId, confirmed: true }, back };
  const verdict = canStop({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor);
  const withdraw = !verdict.refused && verdict.next === 'withdrawn';
  return withdraw
    ? { headline: 'Withdraw this request?', question: `${what} leaves review; the reviewers will see it was withdrawn.`, confirm: { title: 'Yes, withdraw', verb: 'request.stop', requestId, confirmed: true }, back }
    : { headline: 'Cancel this request?', question: `${what} stays in your list as cancelled.`, confirm: { title: 'Yes, cancel', verb: 'request.stop', requestId, confirmed: true }, back };
}

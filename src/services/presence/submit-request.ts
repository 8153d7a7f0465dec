import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/roles';
import { canSubmit, type RequestStatus } from '../../domain/presence-request';
import { checkAll, stepSchemas } from '../../domain/presence-answers';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import type { Presenters } from '../presenters';
import { hashCard, postCard } from '../engines/card-hash';
import { enqueueToPerson } from '../../notify/outbox';
import { approverVerdict } from './approving-authority';
import { flagUndecidedPlatform, platformVerdict } from './platform-decisions';
import { orAsItStands } from '../engines/stale-click';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../context';
import { draftOf, reviewViewFor } from './request-views';
import { requestStep, requestSummary, type RequestScreen } from './request-reads';
import { cityDepartmentIds } from '../departments';

/** The step of the request that names the approving authority. */
const PEOPLE_STEP = 3;

/**
 * REQ-6: a complete request goes first to the department's approving authority it names (refused with why when that
 * person is not one, or is the requester); REQ-2: IT review follows their approval. One transaction: the status, the
 * review with the answers as submitted, the approver's card (outbox) and the audit event.
 */
export function submitRequest(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, requestId: string): Promise<RequestScreen> {
  return orAsItStands(() => submit(svc, actor, requestId), (why) => requestSummary(svc, actor, requestId, why));
}

async function submit(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, requestId: string): Promise<RequestScreen> {
  const { db, config, present, now } = svc;
  const req = await db.presenceRequest.findUnique({ where: { id: requestId } });
  if (!req) throw new AppError('NOT_FOUND', 'That request no longer exists.');
  const allowed = canSubmit({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor);
  if (allowed.refused) refusedWith(allowed);
  const check = checkAll(stepSchemas(config.cityWebDomains, await cityDepartmentIds(db)), draftOf(req.answers));
  if (!check.ok) return requestStep(svc, actor, requestId, check.step, { errors: check.errors });
  // REQ-7: a platform the IT Director decided "not allowed" cannot be requested.
  const platform = await platformVerdict(db, draftOf(req.answers), config.timeZone);
  if (platform.refused) return requestStep(svc, actor, requestId, 1, { errors: { platform: platform.message } });
  const approver = await approverVerdict(db, req.requesterId, draftOf(req.answers));
  if (approver.refused) return requestStep(svc, actor, requestId, PEOPLE_STEP, { errors: { approverId: approver.message } });

  await db.$transaction(async (tx) => {
    const round = req.round + 1;
    // The guard makes a double click (or two tabs) submit once.
    const { count } = await tx.presenceRequest.updateMany({
      where: { id: req.id, version: req.version, status: { in: ['draft', 'returned'] } },
      data: { status: allowed.next, round, version: { increment: 1 }, submittedAt: now() },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'This request was already submitted; your click did not change anything.');
    await openAuthorityReview(tx, present, req.id, round, req.answers, config.timeZone, now());
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'request.submitted', entityType: 'presence_request', entityId: req.id, data: { round, answers: JSON.parse(req.answers) } });
  }, TX_OPTIONS);
  const handle = draftOf(req.answers).handle ?? 'your request';
  return {
    screen: 'done',
    view: {
      headline: `Sent ${handle} to your approving authority`,
      next: "Your approving authority approves it first, then IT, then the City Attorney's office. You will get a message here when they decide; you can withdraw it from its card meanwhile.",
      details: { title: 'See request', verb: 'request.open', requestId },
      more: [{ title: 'My requests', verb: 'requests.mine' }],
    },
  };
}

/** REQ-6: the approving authority's review, sent to the approver's personal chat, keeping the hash of what they are shown. */
async function openAuthorityReview(tx: Tx, present: Presenters, requestId: string, round: number, snapshot: string, timeZone: string, at: Date) {
  const approverId = draftOf(snapshot).approverId!;
  const review = await tx.review.create({ data: { id: randomUUID(), requestId, round, stage: 'authority', snapshot, cardHash: '', createdAt: at }, include: { request: true } });
  const card = present.reviewCard(await reviewViewFor(tx, review, timeZone));
  const sent = await enqueueToPerson(tx, approverId, { card, summary: `A new social media presence request waits for your approval` });
  await tx.review.update({ where: { id: review.id }, data: { cardHash: hashCard(card), cardOutboxId: sent.id } });
}

/** Creates a review and posts its card to the stage's channel, keeping the hash of what reviewers are shown. */
export async function openReview(tx: Tx, present: Presenters, requestId: string, round: number, stage: 'it' | 'attorney', snapshot: string, timeZone: string, at = new Date()) {
  // REQ-7: IT review is where the platform's public-records question is asked; an undecided one goes to the IT Director.
  if (stage === 'it') await flagUndecidedPlatform(tx, present, requestId, draftOf(snapshot), timeZone, at);
  const review = await tx.review.create({ data: { id: randomUUID(), requestId, round, stage, snapshot, cardHash: '' }, include: { request: true } });
  const card = present.reviewCard(await reviewViewFor(tx, review, timeZone));
  const posted = await postCard(tx, stage === 'it' ? 'it_review' : 'city_attorney', card, `${stage === 'it' ? 'IT review' : 'City Attorney review'}: a new social media presence request`);
  await tx.review.update({ where: { id: review.id }, data: { cardHash: posted.cardHash, cardOutboxId: posted.outboxId } });
  return review;
}

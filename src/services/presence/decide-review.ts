import type { Actor } from '../../domain/roles';
import { decideReview as decide, type Decision, type RequestStatus, type ReviewStage } from '../../domain/presence-request';
import { AppError } from '../../errors/app-error';
import { LOST_RACE_NOTICE, refusedClickNotice } from '../../domain/result';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson, enqueueUpdate } from '../../notify/outbox';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../../teams/turn';
import type { AdaptiveCard } from '../../../cards/common/elements';
import { noticeCard } from '../../../cards/common/notice-card';
import { draftOf, reviewCardFor } from './request-views';
import { openReview } from './submit-request';
import { checkAll, stepSchemas } from '../../domain/presence-answers';

/** Thrown inside the transaction when the guard finds the review already decided, to roll back and re-read. */
class AlreadyDecided extends Error {}

/**
 * REQ-4. Load, authorize (role, not the requester), guard (still pending), then one transaction: the decision, the
 * request's next state, the next review or the presence, the audit event, the channel card updated for everyone and
 * the requester's notice. Whatever happens, the clicker gets the card as it stands now.
 */
export async function decideReview(
  { db, config }: Pick<Services, 'db' | 'config'>,
  actor: Actor,
  input: { reviewId: string; decision: Decision; reason?: string },
): Promise<{ card: AdaptiveCard; decided: boolean }> {
  const load = () => db.review.findUnique({ where: { id: input.reviewId }, include: { request: true } });
  const review = await load();
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists.');
  const current = async (notice?: string, reasonError?: string) => ({ card: await reviewCardFor(db, (await load())!, config.timeZone, { notice, reasonError }), decided: false });

  const verdict = decide({ stage: review.stage as ReviewStage, status: review.status }, review.request, actor, input.decision, input.reason);
  if (verdict.refused) {
    if (verdict.code === 'INVALID_INPUT') return current(undefined, verdict.message);
    return current(refusedClickNotice(verdict));
  }

  try {
    const decidedAt = new Date();
    await db.$transaction(async (tx) => {
      const { count } = await tx.review.updateMany({
        where: { id: review.id, status: 'pending' },
        data: { status: verdict.reviewStatus, deciderId: actor.personId, decidedAt, reason: input.reason ?? null },
      });
      if (count === 0) throw new AlreadyDecided();
      const fromStatus = review.stage === 'it' ? 'it_review' : 'attorney_review';
      const moved = await tx.presenceRequest.updateMany({ where: { id: review.requestId, status: fromStatus, round: review.round }, data: { status: verdict.next, version: { increment: 1 } } });
      if (moved.count === 0) throw new AlreadyDecided();

      await appendAudit(tx, {
        actor: { personId: actor.personId, name: actor.name },
        action: 'review.decided',
        entityType: 'presence_request',
        entityId: review.requestId,
        data: { reviewId: review.id, stage: review.stage, round: review.round, decision: input.decision, reason: input.reason ?? null, shownCardSha256: review.cardHash },
      });
      await afterDecision(tx, review, verdict.next, actor, input.reason, config.timeZone, config.cityWebDomains);

      const decidedReview = await tx.review.findUniqueOrThrow({ where: { id: review.id }, include: { request: true } });
      if (review.cardOutboxId) {
        await enqueueUpdate(tx, review.cardOutboxId, { card: await reviewCardFor(tx, decidedReview, config.timeZone), summary: `Decided: ${input.decision === 'approve' ? 'approved' : 'returned'}` });
      }
    }, TX_OPTIONS);
  } catch (err) {
    if (err instanceof AlreadyDecided) return current(LOST_RACE_NOTICE);
    throw err;
  }
  return { card: await reviewCardFor(db, (await load())!, config.timeZone), decided: true };
}

/** What a decision sets in motion: the next review, the presence in the registry, and the requester's notice. */
async function afterDecision(tx: Tx, review: { requestId: string; round: number; stage: string; snapshot: string; request: { requesterId: string } }, next: RequestStatus, actor: Actor, reason: string | undefined, timeZone: string, domains: readonly string[]) {
  const draft = draftOf(review.snapshot);
  const handle = draft.handle ?? 'your account';
  const about = `Request for ${handle}`;
  const open = { title: 'Open request', verb: 'request.open', requestId: review.requestId };
  const notify = (headline: string, detail: string, color: 'good' | 'attention', action = open) =>
    enqueueToPerson(tx, review.request.requesterId, { summary: headline, card: noticeCard({ headline, detail, color, about, action }) });

  if (next === 'attorney_review') {
    await openReview(tx, review.requestId, review.round, 'attorney', review.snapshot, timeZone);
    await notify('IT approved your request', `${actor.name} approved it for IT. It now goes to the City Attorney's office.`, 'good');
  } else if (next === 'returned') {
    const who = review.stage === 'it' ? 'IT' : "The City Attorney's office";
    await notify(`${who} returned your request`, `${actor.name}: ${reason}`, 'attention', { ...open, title: 'Revise request' });
  } else if (next === 'approved') {
    // The snapshot was complete when submitted; check it again rather than register a presence with blanks.
    const complete = checkAll(stepSchemas(domains), draft);
    if (!complete.ok) throw new Error(`request ${review.requestId}: the submitted answers no longer validate (step ${complete.step})`);
    const a = complete.answers;
    const presence = await tx.presence.create({
      data: { requestId: review.requestId, departmentId: a.departmentId, platform: a.platform === 'other' ? a.platformOther ?? 'other' : a.platform, handle: a.handle, state: 'approved_not_live', record: review.snapshot, ownerId: review.request.requesterId },
    });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'presence.registered', entityType: 'presence', entityId: presence.id, data: { requestId: review.requestId, state: 'approved_not_live' } });
    await enqueueToPerson(tx, review.request.requesterId, {
      summary: 'Your social media presence is approved',
      card: noticeCard({ headline: 'Your presence is approved', detail: `IT and the City Attorney's office approved ${handle}. Record the account's address and login, and put the City's notice in place, to make it active.`, color: 'good', about, action: { title: 'Set it up', verb: 'presence.setup.start', presenceId: presence.id } }),
    });
  }
}

import type { Actor } from '../../domain/roles';
import { decideReview as rule, STATUS_OF_STAGE, type Decision, type RequestStatus, type ReviewStage } from '../../domain/presence-request';
import { checkAll, stepSchemas } from '../../domain/presence-answers';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import type { Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { NoticeView, ReviewView } from '../presenters';
import { decideOnCard, type AfterContext, type DecisionSpec } from '../engines/decide-on-card';
import { canSeeReview, draftOf, loadReview, reviewViewFor, type ReviewWithRequest } from './request-views';
import { openReview } from './submit-request';
import { reviewDone } from '../reviews/decision-done';
import { stillAuthority } from './approving-authority';
import { applyChange } from './request-change';
import type { Db } from '../../store/prisma';

export type ReviewInput = { decision: Decision; reason?: string };
type Verdict = { next: RequestStatus; reviewStatus: 'approved' | 'rejected' };
/** A review as loaded for a decision: for the authority stage, whether its named approver still holds the role. */
type LoadedReview = ReviewWithRequest & { authorityNow: boolean };

export const NOT_ALLOWED: Record<ReviewStage, string> = {
  authority: 'Only the approving authority named in this request can decide here.',
  it: 'Only IT reviewers can decide here.',
  attorney: "Only the City Attorney's office can decide here.",
};

async function loadForDecision(db: Db | Tx, reviewId: string): Promise<LoadedReview | null> {
  const review = await loadReview(db, reviewId);
  if (!review) return null;
  const draft = draftOf(review.snapshot);
  return { ...review, authorityNow: review.stage === 'authority' && (await stillAuthority(db, draft.approverId, draft.departmentId)) };
}

/**
 * REQ-6 then REQ-4 on the decide-on-card engine: the department's approving authority (in their personal chat), then
 * IT, then the City Attorney (on their channel cards) approve or return a request (ADR 0011).
 */
export const reviewDecision = (timeZone: string): DecisionSpec<LoadedReview, ReviewView, ReviewInput, Verdict> => ({
  notFound: 'That review no longer exists.',
  notAllowed: (review) => NOT_ALLOWED[review.stage as ReviewStage] ?? NOT_ALLOWED.it,
  load: loadForDecision,
  canSee: canSeeReview,
  view: (db, review, extra) => reviewViewFor(db, review, timeZone, { notice: extra.notice, reasonError: extra.inputError }),
  render: (present, view) => present.reviewCard(view),
  rule: (review, actor, input) => {
    const draft = draftOf(review.snapshot);
    return rule({ stage: review.stage as ReviewStage, status: review.status }, { requesterId: review.request.requesterId, approverId: draft.approverId, authorityNow: review.authorityNow }, actor, input.decision, input.reason);
  },
  async write(tx, review, verdict, input, by) {
    const { count } = await tx.review.updateMany({ where: { id: review.id, status: 'pending' }, data: { status: verdict.reviewStatus, deciderId: by.actor.personId, decidedAt: by.at, reason: input.reason ?? null } });
    if (count === 0) return false;
    const fromStatus = STATUS_OF_STAGE[review.stage as ReviewStage];
    const moved = await tx.presenceRequest.updateMany({ where: { id: review.requestId, status: fromStatus, round: review.round }, data: { status: verdict.next, version: { increment: 1 } } });
    return moved.count > 0;
  },
  audit: (review, _verdict, input) => ({
    action: 'review.decided',
    entityType: 'presence_request',
    entityId: review.requestId,
    data: { reviewId: review.id, stage: review.stage, round: review.round, decision: input.decision, reason: input.reason ?? null },
  }),
  after: (tx, review, verdict, input, ctx) => afterDecision(tx, review, verdict.next, input.reason, ctx),
  cardOutboxId: (review) => review.cardOutboxId,
  storedCardHash: (review) => review.cardHash || null,
  updateSummary: (verdict) => `Decided: ${verdict.reviewStatus === 'approved' ? 'approved' : 'returned'}`,
  done: reviewDone,
});

export function decideReview(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { reviewId: string } & ReviewInput) {
  return decideOnCard(reviewDecision(services.config.timeZone), services, actor, input.reviewId, { decision: input.decision, reason: input.reason });
}

/** What a decision sets in motion: the next review, the presence in the registry, and the requester's notice. */
async function afterDecision(tx: Tx, review: ReviewWithRequest, next: RequestStatus, reason: string | undefined, { actor, at, services }: AfterContext) {
  const { config, present } = services;
  const draft = draftOf(review.snapshot);
  const handle = draft.handle ?? 'your account';
  const about = `Request for ${handle}`;
  const open: NoticeView['action'] = { title: 'Open request', verb: 'request.open', requestId: review.requestId };
  const notify = (headline: string, detail: string, color: NoticeView['color'], action: NoticeView['action'] = open, summary = headline) =>
    enqueueToPerson(tx, review.request.requesterId, { summary, card: present.noticeCard({ headline, detail, color, about, action }) });

  if (next === 'it_review') {
    await openReview(tx, present, review.requestId, review.round, 'it', review.snapshot, config.timeZone, at);
    await notify('Your approving authority approved your request', `${actor.name} approved it for your department. It now goes to IT review.`, 'good');
  } else if (next === 'attorney_review') {
    await openReview(tx, present, review.requestId, review.round, 'attorney', review.snapshot, config.timeZone);
    await notify('IT approved your request', `${actor.name} approved it for IT. It now goes to the City Attorney's office.`, 'good');
  } else if (next === 'returned') {
    const who = review.stage === 'authority' ? `${actor.name} (your approving authority)` : review.stage === 'it' ? 'IT' : "The City Attorney's office";
    await notify(`${who} returned your request`, `${actor.name}: ${reason}`, 'attention', { ...open, title: 'Revise request' });
  } else if (next === 'approved') {
    // The snapshot was complete when submitted; check it again rather than register a presence with blanks.
    const complete = checkAll(stepSchemas(config.cityWebDomains), draft);
    if (!complete.ok) throw new Error(`request ${review.requestId}: the submitted answers no longer validate (step ${complete.step})`);
    const a = complete.answers;
    const platform = a.platform === 'other' ? a.platformOther ?? 'other' : a.platform;
    if (review.request.changesPresenceId) {
      // REQ-6: a change to an approved presence takes effect only now, after every stage approved it.
      const before = await applyChange(tx, review.request.changesPresenceId, review.snapshot, { handle: a.handle, platform, departmentId: a.departmentId }, { personId: actor.personId, name: actor.name }, at);
      await notify('Your change is approved', `Your approving authority, IT and the City Attorney's office approved the change of ${before.handle}: it is now ${a.handle} in the registry.`, 'good', { title: 'Open it', verb: 'presence.open', presenceId: before.id }, 'Your change to a presence is approved');
      return;
    }
    const presence = await tx.presence.create({
      data: { requestId: review.requestId, departmentId: a.departmentId, platform: a.platform === 'other' ? a.platformOther ?? 'other' : a.platform, handle: a.handle, state: 'approved_not_live', record: review.snapshot, ownerId: review.request.requesterId },
    });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'presence.registered', entityType: 'presence', entityId: presence.id, data: { requestId: review.requestId, state: 'approved_not_live' } });
    await notify('Your presence is approved', `Your approving authority, IT and the City Attorney's office approved ${handle}. Record the account's address and login, and put the City's notice in place, to make it active.`, 'good', { title: 'Set it up', verb: 'presence.setup.start', presenceId: presence.id }, 'Your social media presence is approved');
  }
}

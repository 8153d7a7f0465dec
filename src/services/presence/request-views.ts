import type { PresenceRequest, Review } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import type { Db, Tx } from '../../store/prisma';
import { PLATFORM_LABELS, ZDraftAnswers, type DraftAnswers } from '../../domain/presence-answers';
import { ownLabel } from '../../domain/own-keys';
import { STAGE_ROLE, type ChannelStage, type ReviewStage } from '../../domain/presence-request';
import { formatWhen } from '../../domain/when';
import type { ReviewView } from '../presenters';
import { describeRequest, type Lookups } from './describe-request';
import { departmentLabelOf } from '../departments';
import { platformLineFor } from './platform-decisions';

export { hashCard } from '../engines/card-hash';

/** Stored JSON is validated on the way out, like any other boundary. */
export function draftOf(json: string): DraftAnswers {
  return ZDraftAnswers.parse(JSON.parse(json));
}

/** Names for the ids a request mentions, read once per card. */
export async function lookupsFor(db: Db | Tx, draft: DraftAnswers): Promise<Lookups> {
  const ids = [draft.approverId, ...(draft.spokespersonIds?.split(',') ?? [])].filter((x): x is string => Boolean(x)).map((s) => s.trim());
  const [people, dept] = await Promise.all([
    db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    draft.departmentId ? departmentLabelOf(db, draft.departmentId) : undefined,
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return { departmentName: (id) => (id && id === draft.departmentId && dept ? dept : id), personName: (id) => (id ? names.get(id) : undefined) };
}

export type ReviewWithRequest = Review & { request: PresenceRequest };

/**
 * REQ-4: a channel review is read by the holders of its stage's role only (the channel's deciders); REQ-6: the
 * approving authority's review by the approver the request names. Never by anyone else.
 */
export function canSeeReview(actor: Actor, review: { stage: string; snapshot: string }): boolean {
  if (review.stage === 'authority') return draftOf(review.snapshot).approverId === actor.personId;
  const stage = review.stage as ChannelStage;
  return Object.hasOwn(STAGE_ROLE, stage) && hasRole(actor, STAGE_ROLE[stage]);
}

export const loadReview = (db: Db | Tx, reviewId: string): Promise<ReviewWithRequest | null> => db.review.findUnique({ where: { id: reviewId }, include: { request: true } });

async function changeOf(db: Db | Tx, presenceId: string) {
  const p = await db.presence.findUnique({ where: { id: presenceId } });
  return p ? `${p.handle} (${ownLabel(PLATFORM_LABELS, p.platform)})` : undefined;
}

/** How an earlier stage of the same round decided, in words, for the next stage's card. */
async function stageDecision(db: Db | Tx, review: ReviewWithRequest, stage: ReviewStage, timeZone: string) {
  const earlier = await db.review.findUnique({ where: { requestId_round_stage: { requestId: review.requestId, round: review.round, stage } } });
  if (!earlier) return undefined;
  const by = earlier.deciderId ? (await db.person.findUnique({ where: { id: earlier.deciderId } }))?.name : undefined;
  return { createdAt: earlier.createdAt, approvedAt: earlier.status === 'approved' && earlier.decidedAt ? formatWhen(earlier.decidedAt, timeZone) : undefined, by };
}

/** The channel card of a review as view data, as it stands now (pending, or decided with its banner). */
export async function reviewViewFor(db: Db | Tx, review: ReviewWithRequest, timeZone: string, extra: Pick<ReviewView, 'notice' | 'reasonError'> = {}): Promise<ReviewView> {
  const draft = draftOf(review.snapshot);
  const look = await lookupsFor(db, draft);
  const ids = [review.request.requesterId, review.deciderId].filter((x): x is string => Boolean(x));
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p.name]));
  // Each card shows the request's own submission time, and the earlier stages' approvals as separate lines.
  const authority = review.stage === 'authority' ? undefined : await stageDecision(db, review, 'authority', timeZone);
  const it = review.stage === 'attorney' ? await stageDecision(db, review, 'it', timeZone) : undefined;
  const submitted = review.stage === 'authority' ? review.createdAt : authority?.createdAt ?? review.request.submittedAt ?? review.createdAt;
  const decided =
    review.status === 'pending'
      ? undefined
      : {
          outcome: review.status as 'approved' | 'rejected' | 'withdrawn',
          by: review.status === 'withdrawn' ? `${people.get(review.request.requesterId) ?? 'the requester'} (the requester)` : people.get(review.deciderId ?? '') ?? 'unknown',
          at: formatWhen(review.decidedAt ?? new Date(), timeZone),
          reason: review.reason ?? undefined,
        };
  return {
    reviewId: review.id,
    stage: review.stage as ReviewStage,
    requesterName: people.get(review.request.requesterId) ?? 'unknown',
    departmentName: look.departmentName(draft.departmentId) ?? '-',
    submittedAt: formatWhen(submitted, timeZone),
    round: review.round,
    sections: describeRequest(draft, look),
    platform: await platformLineFor(db, draft, timeZone),
    changeOf: review.request.changesPresenceId ? await changeOf(db, review.request.changesPresenceId) : undefined,
    authorityDecision: authority?.approvedAt ? `approved by ${authority.by ?? 'the approving authority'} on ${authority.approvedAt}` : undefined,
    itApprovedAt: it?.approvedAt,
    itDecision: it?.approvedAt ? `approved by ${it.by ?? 'an IT reviewer'} on ${it.approvedAt}` : undefined,
    decided,
    ...extra,
  };
}

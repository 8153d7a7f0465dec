import type { PresenceRequest, Review } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import type { Db, Tx } from '../../store/prisma';
import { ZDraftAnswers, type DraftAnswers } from '../../domain/presence-answers';
import { STAGE_ROLE, type ReviewStage } from '../../domain/presence-request';
import { formatWhen } from '../../domain/when';
import type { ReviewView } from '../presenters';
import { describeRequest, type Lookups } from './describe-request';
import { departmentLabelOf } from '../departments';

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

/** REQ-4: a review is read by the holders of its stage's role only (the channel's deciders), never by anyone else. */
export function canSeeReview(actor: Actor, review: { stage: string }): boolean {
  const stage = review.stage as ReviewStage;
  return Object.hasOwn(STAGE_ROLE, stage) && hasRole(actor, STAGE_ROLE[stage]);
}

export const loadReview = (db: Db | Tx, reviewId: string): Promise<ReviewWithRequest | null> => db.review.findUnique({ where: { id: reviewId }, include: { request: true } });

/** The channel card of a review as view data, as it stands now (pending, or decided with its banner). */
export async function reviewViewFor(db: Db | Tx, review: ReviewWithRequest, timeZone: string, extra: Pick<ReviewView, 'notice' | 'reasonError'> = {}): Promise<ReviewView> {
  const draft = draftOf(review.snapshot);
  const look = await lookupsFor(db, draft);
  const ids = [review.request.requesterId, review.deciderId].filter((x): x is string => Boolean(x));
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p.name]));
  let itDecision: string | undefined;
  if (review.stage === 'attorney') {
    const it = await db.review.findUnique({ where: { requestId_round_stage: { requestId: review.requestId, round: review.round, stage: 'it' } } });
    const itBy = it?.deciderId ? (await db.person.findUnique({ where: { id: it.deciderId } }))?.name : undefined;
    if (it?.decidedAt) itDecision = `approved by ${itBy ?? 'an IT reviewer'} on ${formatWhen(it.decidedAt, timeZone)}`;
  }
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
    submittedAt: formatWhen(review.createdAt, timeZone),
    round: review.round,
    sections: describeRequest(draft, look),
    itDecision,
    decided,
    ...extra,
  };
}

import { createHash } from 'node:crypto';
import type { PresenceRequest, Review } from '@prisma/client';
import type { Db, Tx } from '../../store/prisma';
import { ZDraftAnswers, type DraftAnswers } from '../../domain/presence-answers';
import type { ReviewStage } from '../../domain/presence-request';
import { describeRequest, type Lookups } from '../../../cards/presence-request/describe';
import { reviewCard, type ReviewCardView } from '../../../cards/presence-request/review-card';
import { formatWhen, type AdaptiveCard } from '../../../cards/common/elements';

/** Stored JSON is validated on the way out, like any other boundary. */
export function draftOf(json: string): DraftAnswers {
  return ZDraftAnswers.parse(JSON.parse(json));
}

/** Names for the ids a request mentions, read once per card. */
export async function lookupsFor(db: Db | Tx, draft: DraftAnswers): Promise<Lookups> {
  const ids = [draft.approverId, ...(draft.spokespersonIds?.split(',') ?? [])].filter((x): x is string => Boolean(x)).map((s) => s.trim());
  const [people, dept] = await Promise.all([
    db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    draft.departmentId ? db.department.findUnique({ where: { id: draft.departmentId } }) : null,
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return { departmentName: (id) => (id && dept?.id === id ? dept.name : id), personName: (id) => (id ? names.get(id) : undefined) };
}

export function hashCard(card: AdaptiveCard): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('hex');
}

/** The channel card of a review, as it stands now (pending, or decided with its banner). */
export async function reviewCardFor(db: Db | Tx, review: Review & { request: PresenceRequest }, timeZone: string, extra: Pick<ReviewCardView, 'notice' | 'reasonError'> = {}) {
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
  return reviewCard({
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
  });
}

import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { hasRole } from '../../src/domain/roles';
import { STAGE_ROLE, STAGE_LABELS, type ReviewStage } from '../../src/domain/presence-request';
import { AppError } from '../../src/errors/app-error';
import { draftOf, reviewCardFor } from '../../src/services/presence/request-views';
import { formatWhen } from '../../cards/common/elements';
import { pendingReviewsCard } from '../../cards/presence-request/pending-reviews-card';
import { z } from 'zod';

const stagesFor = (turn: Turn) => (Object.keys(STAGE_ROLE) as ReviewStage[]).filter((s) => hasRole(turn.actor, STAGE_ROLE[s]));
const ZOpenReview = z.object({ verb: z.literal('review.open'), reviewId: z.string().uuid() });

/** Reviewers find what waits for them without scrolling the channel; deciding works the same from here. */
export function registerReviews(router: Router): void {
  router.entry(
    { title: 'Reviews waiting for me', description: 'Requests waiting for your IT or City Attorney decision.', verb: 'reviews.mine', command: 'reviews', visible: (actor) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'city_attorney') },
    async (turn) => {
      const stages = stagesFor(turn);
      if (!stages.length) throw new AppError('NOT_AUTHORIZED', 'Only IT reviewers and the City Attorney\'s office review requests.');
      const { db, config } = turn.services;
      const pending = await db.review.findMany({ where: { status: 'pending', stage: { in: stages } }, include: { request: true }, orderBy: { createdAt: 'asc' }, take: 25 });
      const names = new Map((await db.person.findMany({ where: { id: { in: pending.map((r) => r.request.requesterId) } } })).map((p) => [p.id, p.name]));
      return pendingReviewsCard({
        rows: pending.map((r) => ({
          reviewId: r.id,
          label: `${draftOf(r.snapshot).handle ?? 'A new presence'}: ${STAGE_LABELS[r.stage as ReviewStage]}`,
          detail: `Asked by ${names.get(r.request.requesterId) ?? 'unknown'}, ${formatWhen(r.createdAt, config.timeZone)}`,
        })),
      });
    },
  );
  router.verb('review.open', async (turn, data) => {
    const p = ZOpenReview.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a review. Type "reviews" for a fresh list.');
    const review = await turn.services.db.review.findUnique({ where: { id: p.data.reviewId }, include: { request: true } });
    if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists.');
    return reviewCardFor(turn.services.db, review, turn.services.config.timeZone);
  });
}

import type { Router } from '../../src/teams/router';
import { hasRole } from '../../src/domain/roles';
import { openReviewCard, pendingReviews } from '../../src/services/presence/review-reads';
import { pendingReviewsCard } from '../../cards/presence-request/pending-reviews-card';
import { reviewCard } from '../../cards/presence-request/review-card';
import { platformDecisionCard } from '../../cards/presence-request/platform-decision-card';
import { decidePlatformCard } from '../../src/services/presence/decide-platform';

/** Reviewers find what waits for them without scrolling the channel; deciding works the same from here. */
export function registerReviews(router: Router): void {
  router.entry(
    { title: 'Reviews waiting for me', description: 'Requests waiting for your decision as approving authority, IT or City Attorney.', verb: 'reviews.mine', command: 'reviews', visible: (actor) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'city_attorney') || hasRole(actor, 'department_head') || hasRole(actor, 'dept_approver') },
    async (turn) => pendingReviewsCard(await pendingReviews(turn.services, turn.actor)),
  );
  router.verb(
    'platform.decide',
    async (turn, { verb: _verb, ...input }) => platformDecisionCard(await decidePlatformCard(turn.services, turn.actor, input)),
    'This card does not name a platform decision, or its reasoning is over 2,000 characters. Nothing was changed.',
  );
  router.verb('review.open', async (turn, data) => reviewCard(await openReviewCard(turn.services, turn.actor, data.reviewId)), 'This card does not name a review. Type "reviews" for a fresh list.');
}

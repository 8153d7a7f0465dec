import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import type { AdaptiveCard } from '../../cards/common/elements';
import { decidesAnything, nextWaiting, waitingForMe } from '../../src/services/reviews/waiting-for-me';
import { openBlock, openEscalation, openPolicyReview, openPostRound } from '../../src/services/reviews/open-waiting';
import { openReviewCard } from '../../src/services/presence/review-reads';
import type { ActionRef } from '../../src/services/done-view';
import { waitingCard } from '../../cards/reviews/waiting-card';
import { reviewCard } from '../../cards/presence-request/review-card';
import { policyReviewCard } from '../../cards/presenters';
import { blockReviewCard } from '../../cards/department-policy/block-cards';
import { postApprovalCard } from '../../cards/posts/approval-card';
import { freshnessEscalation } from '../../cards/freshness/freshness-cards';

const FRESH = 'This card does not name anything to review. Type "reviews" for a fresh list.';

/** Each kind of waiting item, opened as the same card its channel copy shows. */
const OPENERS: Record<string, (turn: Turn, id: string) => Promise<AdaptiveCard>> = {
  'review.open': async (t, id) => reviewCard(await openReviewCard(t.services, t.actor, id)),
  'policy.review': async (t, id) => policyReviewCard(await openPolicyReview(t.services, t.actor, id)),
  'block.open': async (t, id) => blockReviewCard(await openBlock(t.services, t.actor, id)),
  'post.review': async (t, id) => postApprovalCard(await openPostRound(t.services, t.actor, id)),
  'escalation.open': async (t, id) => freshnessEscalation(await openEscalation(t.services, t.actor, id)),
};
const idOf = (ref: ActionRef) => String(ref.reviewId ?? ref.policyId ?? ref.blockId ?? ref.roundId ?? ref.escalationId);

/** Issue 10: every decider's `reviews` lists what waits for them (requests, policies, blocks, posts, escalations). */
export function register(router: Router): void {
  router.entry(
    { title: 'Reviews to decide', description: 'Requests, policies, site blocks, posts or quiet presences waiting for your decision.', verb: 'reviews.mine', command: 'reviews', visible: (actor) => decidesAnything(actor) },
    async (turn) => waitingCard(await waitingForMe(turn.services, turn.actor)),
  );
  router.verb('reviews.next', async (turn) => {
    const next = await nextWaiting(turn.services, turn.actor);
    if (next && Object.hasOwn(OPENERS, next.verb)) return OPENERS[next.verb](turn, idOf(next));
    return waitingCard({ ...(await waitingForMe(turn.services, turn.actor)), notice: 'Nothing else is waiting for your decision.' });
  });
  router.verb('review.open', (turn, data) => OPENERS['review.open'](turn, data.reviewId), FRESH);
  router.verb('policy.review', (turn, data) => OPENERS['policy.review'](turn, data.policyId), FRESH);
  router.verb('block.open', (turn, data) => OPENERS['block.open'](turn, data.blockId), FRESH);
  router.verb('post.review', (turn, data) => OPENERS['post.review'](turn, data.roundId), FRESH);
  router.verb('escalation.open', (turn, data) => OPENERS['escalation.open'](turn, data.escalationId), FRESH);
}

import type { Turn } from '../../src/teams/turn';
import type { DoneView } from '../../src/services/done-view';
import type { AdaptiveCard } from '../../cards/common/elements';
import { doneCard } from '../../cards/common/done-card';

/**
 * A decision that counted gets the short card (issue 10): what happened, what comes next, the details one click
 * away, and in the personal chat (where `reviews` is worked through) "Next review" and "Back to reviews". A refused,
 * late or repeated click gets the full card as it stands, with the line saying why.
 */
export function afterDecision<V>(turn: Turn, result: { view: V; done?: DoneView }, full: (v: V) => AdaptiveCard): AdaptiveCard {
  if (!result.done) return full(result.view);
  const more = turn.where.kind === 'personal' ? [{ title: 'Next review', verb: 'reviews.next' as const }, { title: 'Back to reviews', verb: 'reviews.mine' as const }] : [];
  return doneCard({ ...result.done, more: [...more, ...(result.done.more ?? [])] });
}

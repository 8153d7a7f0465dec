import type { Actor } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import type { Services } from '../context';
import type { ReviewView } from '../presenters';
import { canSeeReview, loadReview, reviewViewFor } from './request-views';

/** A review card opened from the list: the same card as in the channel, for the holders of its stage's role only. */
export async function openReviewCard({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, reviewId: string): Promise<ReviewView> {
  const review = await loadReview(db, reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists.');
  if (!canSeeReview(actor, review)) throw new AppError('NOT_AUTHORIZED', `${review.stage === 'it' ? 'Only IT reviewers can decide here.' : "Only the City Attorney's office can decide here."} Nothing was changed.`);
  return reviewViewFor(db, review, config.timeZone);
}

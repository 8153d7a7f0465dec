import type { Actor } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import type { Services } from '../context';
import type { ReviewView } from '../presenters';
import { NOT_ALLOWED } from './decide-review';
import { canSeeReview, loadReview, reviewViewFor } from './request-views';

/** A review card opened from the list: the same card as in the channel, for those who may decide it only. */
export async function openReviewCard({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, reviewId: string): Promise<ReviewView> {
  const review = await loadReview(db, reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists.');
  if (!canSeeReview(actor, review)) throw new AppError('NOT_AUTHORIZED', `${NOT_ALLOWED[review.stage as keyof typeof NOT_ALLOWED] ?? NOT_ALLOWED.it} Nothing was changed.`);
  return reviewViewFor(db, review, config.timeZone);
}

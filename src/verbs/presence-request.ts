import { z } from 'zod';

/** Card actions of the request flow. Data names the record (and what the clicker saw); never any authority. */
const id = z.string().uuid('This card does not name a request. Type "my requests" for a fresh card.');

export const ZStepAction = z.looseObject({
  verb: z.literal('request.step'),
  requestId: id,
  step: z.coerce.number().int().min(1).max(5),
  nav: z.enum(['next', 'back', 'save']),
});
export const ZRequestRef = z.object({ verb: z.enum(['request.open', 'request.summary', 'request.stop', 'request.submit', 'request.discard']), requestId: id, step: z.coerce.number().int().min(1).max(5).optional() });
/** A destructive click counts only from its confirm card (CARDS.md); anything but `true` asks first. */
export const confirmedFlag = z.preprocess((v) => v === true || v === 'true', z.boolean());
export const ZEditStep = z.object({ verb: z.literal('request.edit'), requestId: id, step: z.coerce.number().int().min(1).max(5) });

export const ZReviewDecision = z.object({
  verb: z.literal('review.decide'),
  reviewId: z.string().uuid('This card does not name a review.'),
  decision: z.enum(['approve', 'reject']),
  reason: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000, 'Keep the reason under 1000 characters').optional()),
});
export type TReviewDecision = z.infer<typeof ZReviewDecision>;

import type { Tx } from '../../store/prisma';
import type { ChannelPurpose } from '../../domain/channels';
import type { Presenters } from '../presenters';
import { postCard } from '../engines/card-hash';
import { reviewViewFor } from './request-views';

const STAGE_OF_PURPOSE = new Map<ChannelPurpose, 'it' | 'attorney'>([['it_review', 'it'], ['city_attorney', 'attorney']]);

/**
 * A request submitted before its channel was bound has its card dead-lettered ("no channel is bound"). When an admin
 * binds the channel, the pending reviews are posted there, so no request waits unseen.
 */
export async function repostPendingReviews(tx: Tx, present: Presenters, purpose: ChannelPurpose, timeZone: string): Promise<number> {
  const stage = STAGE_OF_PURPOSE.get(purpose);
  if (!stage) return 0;
  const pending = await tx.review.findMany({ where: { stage, status: 'pending' }, include: { request: true } });
  let reposted = 0;
  for (const review of pending) {
    const card = review.cardOutboxId ? await tx.outboxMessage.findUnique({ where: { id: review.cardOutboxId } }) : null;
    if (card && card.status !== 'dead') continue;
    const fresh = present.reviewCard(await reviewViewFor(tx, review, timeZone));
    const posted = await postCard(tx, purpose, fresh, `${stage === 'it' ? 'IT review' : 'City Attorney review'}: a social media presence request waiting for you`);
    await tx.review.update({ where: { id: review.id }, data: { cardOutboxId: posted.outboxId, cardHash: posted.cardHash } });
    reposted += 1;
  }
  return reposted;
}

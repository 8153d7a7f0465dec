import type { Tx } from '../../store/prisma';
import type { ChannelPurpose } from '../../domain/channels';
import { enqueueToChannel } from '../../notify/outbox';
import { hashCard, reviewCardFor } from './request-views';

const STAGE_OF_PURPOSE: Partial<Record<ChannelPurpose, 'it' | 'attorney'>> = { it_review: 'it', city_attorney: 'attorney' };

/**
 * A request submitted before its channel was bound has its card dead-lettered ("no channel is bound"). When an admin
 * binds the channel, the pending reviews are posted there, so no request waits unseen.
 */
export async function repostPendingReviews(tx: Tx, purpose: ChannelPurpose, timeZone: string): Promise<number> {
  const stage = STAGE_OF_PURPOSE[purpose];
  if (!stage) return 0;
  const pending = await tx.review.findMany({ where: { stage, status: 'pending' }, include: { request: true } });
  let reposted = 0;
  for (const review of pending) {
    const card = review.cardOutboxId ? await tx.outboxMessage.findUnique({ where: { id: review.cardOutboxId } }) : null;
    if (card && card.status !== 'dead') continue;
    const fresh = await reviewCardFor(tx, review, timeZone);
    const posted = await enqueueToChannel(tx, purpose, { card: fresh, summary: `${stage === 'it' ? 'IT review' : 'City Attorney review'}: a social media presence request waiting for you` });
    await tx.review.update({ where: { id: review.id }, data: { cardOutboxId: posted.id, cardHash: hashCard(fresh) } });
    reposted += 1;
  }
  return reposted;
}

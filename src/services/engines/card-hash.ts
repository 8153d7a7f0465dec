import { createHash } from 'node:crypto';
import type { Tx } from '../../store/prisma';
import type { ChannelPurpose } from '../../domain/channels';
import { enqueueToChannel, type RenderedCard } from '../../notify/outbox';

/** The SHA-256 of a card as rendered: what a decider was shown is recorded with their decision. */
export function hashCard(card: RenderedCard): string {
  return createHash('sha256').update(JSON.stringify(card)).digest('hex');
}

/** Posts a card to a purpose's channel, in the caller's transaction; the caller keeps the id (to update it) and hash. */
export async function postCard(tx: Tx, purpose: ChannelPurpose, card: RenderedCard, summary: string): Promise<{ outboxId: string; cardHash: string }> {
  const posted = await enqueueToChannel(tx, purpose, { card, summary });
  return { outboxId: posted.id, cardHash: hashCard(card) };
}

/** The hash of the card now shown in the channel: the latest update of the post, or the post itself. */
export async function shownCardHash(tx: Tx, outboxId: string | null): Promise<string | null> {
  if (!outboxId) return null;
  const latest = (await tx.outboxMessage.findFirst({ where: { updatesId: outboxId }, orderBy: { createdAt: 'desc' } })) ?? (await tx.outboxMessage.findUnique({ where: { id: outboxId } }));
  if (!latest) return null;
  const activity = JSON.parse(latest.activity) as { attachments?: Array<{ content?: RenderedCard }> };
  const card = activity.attachments?.[0]?.content;
  return card ? hashCard(card) : null;
}

import { z } from 'zod';
import type { WebhookEvent } from '../domain/webhooks';
import type { Tx } from '../store/prisma';
import { markEnqueued } from './outbox';
import { storedStringList } from '../domain/stored-list';

/** What a webhook outbox row carries: the event as it will be signed and sent, and a line for the dead-letter card. */
export const ZWebhookActivity = z.object({
  summary: z.string(),
  event: z.object({ type: z.string(), timestamp: z.string(), data: z.record(z.string(), z.unknown()) }),
});
export type WebhookActivity = z.infer<typeof ZWebhookActivity>;

export const webhookKey = (subscriberId: string) => `webhook:${subscriberId}`;

/**
 * One outbox row per active subscriber of the event type, in the caller's transaction, so an event is sent if and
 * only if its change committed. One conversation key per subscriber: the worker delivers them in order, one at a time.
 */
export async function enqueueWebhookEvent(tx: Tx, type: WebhookEvent, data: Record<string, unknown>, at: Date, summary: string): Promise<number> {
  const subscribers = await tx.webhookSubscriber.findMany({ where: { state: 'active' }, select: { id: true, events: true } });
  const listening = subscribers.filter((s) => eventsOf(s.events).includes(type));
  const activity: WebhookActivity = { summary, event: { type, timestamp: at.toISOString(), data } };
  for (const s of listening) {
    await tx.outboxMessage.create({ data: { conversationKey: webhookKey(s.id), kind: 'webhook', reference: JSON.stringify({ subscriberId: s.id }), activity: JSON.stringify(activity) } });
  }
  if (listening.length) markEnqueued(); // wake the worker after the turn, as the Teams enqueue helpers do
  return listening.length;
}

/** The stored event list; a damaged value reads as no events rather than failing the change that sends them. */
export const eventsOf = storedStringList;

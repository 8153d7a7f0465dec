import type { Db, Tx } from '../store/prisma';
import { ZConversationReference } from './conversation-reference';
import type { ChannelPurpose } from '../domain/channels';
import { bindingKey, bindingLabel } from '../domain/channels';

/** A rendered Adaptive Card, as cards/ builds it; the outbox stores it as it is. */
export type RenderedCard = { type: 'AdaptiveCard' } & Record<string, unknown>;

/** What a proactive message carries: a card, and the text shown in notifications and chat previews. */
export interface OutgoingMessage {
  card: RenderedCard;
  summary: string;
}

export function toActivity(m: OutgoingMessage) {
  return {
    type: 'message',
    summary: m.summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: m.card }],
  };
}

export type Enqueued = { id: string; status: 'pending' | 'dead' };

let pendingEnqueued = 0;

/**
 * How many pending rows this process has written so far. A turn compares it before and after its handler and wakes
 * the worker only when it changed, so a turn that sent nothing costs the worker no poll (0008-turn-cost.md). Code
 * that makes a row pending without the helpers below calls markEnqueued; anything missed waits for the timed poll.
 */
export function enqueuedSoFar(): number {
  return pendingEnqueued;
}

export function markEnqueued(): void {
  pendingEnqueued += 1;
}

/**
 * Every proactive message is an outbox row written in the caller's transaction, so a change and its notices commit
 * together and nothing is lost if the process dies before delivery.
 */
export async function enqueueToPerson(tx: Tx, personId: string, message: OutgoingMessage): Promise<Enqueued> {
  const ref = await tx.conversationRef.findFirst({ where: { personId, kind: 'personal' }, orderBy: { updatedAt: 'desc' } });
  if (!ref) {
    // Teams can only reach a person who has the app installed; keep the notice as a dead letter so IT can see it.
    const row = await tx.outboxMessage.create({
      data: { conversationKey: `person:${personId}`, kind: 'send', reference: '{}', activity: JSON.stringify(toActivity(message)), status: 'dead', lastError: 'no personal chat with this person yet: they have not opened Social Steward in Teams' },
    });
    return { id: row.id, status: 'dead' };
  }
  const row = await tx.outboxMessage.create({
    data: { conversationKey: ref.conversationId, kind: 'send', reference: ref.reference, activity: JSON.stringify(toActivity(message)) },
  });
  markEnqueued();
  return { id: row.id, status: 'pending' };
}

/** Starts a new thread in the channel bound to a purpose (for a keyed purpose, to the department's own binding). */
export async function enqueueToChannel(tx: Tx, purpose: ChannelPurpose, message: OutgoingMessage, departmentId?: string): Promise<Enqueued> {
  const key = bindingKey(purpose, departmentId);
  const binding = await tx.channelBinding.findUnique({ where: { purpose: key } });
  if (!binding) {
    const row = await tx.outboxMessage.create({
      data: { conversationKey: `channel:${key}`, kind: 'channelPost', reference: '{}', activity: JSON.stringify(toActivity(message)), status: 'dead', lastError: `no channel is bound to ${bindingLabel(key)}: an admin runs "bind channel" there` },
    });
    return { id: row.id, status: 'dead' };
  }
  const row = await tx.outboxMessage.create({
    data: { conversationKey: binding.channelId, kind: 'channelPost', reference: binding.reference, activity: JSON.stringify({ ...toActivity(message), channelId: binding.channelId }) },
  });
  markEnqueued();
  return { id: row.id, status: 'pending' };
}

/**
 * Replaces a message sent earlier through the outbox (one message updated for everyone, TEAMS.md). It shares the
 * original's conversation key, so the worker delivers it only after the original.
 */
export async function enqueueUpdate(tx: Tx, originalId: string, message: OutgoingMessage): Promise<Enqueued> {
  const original = await tx.outboxMessage.findUniqueOrThrow({ where: { id: originalId } });
  const row = await tx.outboxMessage.create({
    data: { conversationKey: original.conversationKey, kind: 'update', reference: original.reference, activity: JSON.stringify(toActivity(message)), updatesId: original.id },
  });
  markEnqueued();
  return { id: row.id, status: 'pending' };
}

/**
 * A reply Teams would not take in time (throttled): queued behind anything else pending for that conversation and
 * delivered by the worker as a reply to the person's message, so they are never left with nothing.
 */
export async function enqueueReply(db: Db | Tx, reference: unknown, activity: unknown): Promise<Enqueued> {
  const ref = ZConversationReference.parse(reference);
  const row = await db.outboxMessage.create({ data: { conversationKey: ref.conversation.id, kind: 'send', reference: JSON.stringify(ref), activity: JSON.stringify(activity) } });
  markEnqueued();
  return { id: row.id, status: 'pending' };
}

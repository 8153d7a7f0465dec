import type { OutboxMessage } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { bindingLabel } from '../../domain/channels';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../../teams/turn';
import { recipientNames, requireAdmin, summaryOf, supersededCards } from './list-dead-letters';

export type ResendOutcome = { resent: true; to: string; summary: string } | { resent: false; reason: string };

/**
 * "Send again" on a dead letter (admins): the row goes back to the queue with a fresh attempt budget. A message that
 * died because there was nowhere to send it (no personal chat yet, no bound channel) is pointed at where it can go
 * now. The change and its audit event commit together; the worker is woken after.
 */
export async function resendDeadLetter({ db, kickOutbox }: Pick<Services, 'db' | 'kickOutbox'>, actor: Actor, outboxId: string, now = new Date()): Promise<ResendOutcome> {
  requireAdmin(actor);
  const outcome = await db.$transaction(async (tx): Promise<ResendOutcome> => {
    const row = await tx.outboxMessage.findUnique({ where: { id: outboxId } });
    if (!row) throw new AppError('NOT_FOUND', 'That message is no longer in the outbox. Type "delivery problems" for a fresh list.');
    if (row.status !== 'dead') return { resent: false, reason: row.status === 'sent' ? 'That message has been delivered since; nothing to send again.' : 'That message is already waiting to be sent again.' };
    if (row.updatesId) {
      const original = await tx.outboxMessage.findUnique({ where: { id: row.updatesId } });
      if (original?.status !== 'sent') throw new AppError('CONFLICT', 'This updates a card that was never delivered. Send the card itself again first; its update can follow.');
    }
    if ((await supersededCards(tx, [row])).has(row.id)) {
      return { resent: false, reason: 'A newer copy of this card was posted when its channel was bound; sending this one again would only duplicate it.' };
    }
    const target = await currentTarget(tx, row);
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: row.id, status: 'dead' },
      data: { ...target, status: 'pending', attempts: 0, throttledAttempts: 0, firstFailedAt: null, lastError: null, lockedUntil: null, lockedBy: null, nextAttemptAt: now },
    });
    if (count === 0) return { resent: false, reason: 'Someone else sent that message again a moment ago.' };
    const to = (await recipientNames(tx, [{ conversationKey: target.conversationKey }])).get(target.conversationKey) ?? 'a Teams conversation';
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'outbox.resent', entityType: 'outbox_message', entityId: row.id, data: { kind: row.kind, to, previousError: row.lastError } }, now);
    return { resent: true, to, summary: summaryOf(row.activity) };
  }, TX_OPTIONS);
  if (outcome.resent) kickOutbox();
  return outcome;
}

/** Where the row can be delivered now: unchanged when it had a target, else the person's chat or the bound channel. */
async function currentTarget(tx: Tx, row: OutboxMessage): Promise<Pick<OutboxMessage, 'conversationKey' | 'reference' | 'activity'>> {
  const keep = { conversationKey: row.conversationKey, reference: row.reference, activity: row.activity };
  if (row.conversationKey.startsWith('person:')) {
    const personId = row.conversationKey.slice('person:'.length);
    const ref = await tx.conversationRef.findFirst({ where: { personId, kind: 'personal' }, orderBy: { updatedAt: 'desc' } });
    if (!ref) throw new AppError('CONFLICT', 'This person still has not opened Social Steward in Teams, so there is nowhere to send it. Ask them to open the app, then send it again.');
    return { ...keep, conversationKey: ref.conversationId, reference: ref.reference };
  }
  if (row.conversationKey.startsWith('channel:')) {
    const purpose = row.conversationKey.slice('channel:'.length);
    const binding = await tx.channelBinding.findUnique({ where: { purpose } });
    const label = bindingLabel(purpose);
    if (!binding) throw new AppError('CONFLICT', `No channel is bound to ${label} yet. Run "bind channel" in that channel, then send it again.`);
    const activity = { ...(JSON.parse(row.activity) as Record<string, unknown>), channelId: binding.channelId };
    return { conversationKey: binding.channelId, reference: binding.reference, activity: JSON.stringify(activity) };
  }
  return keep;
}

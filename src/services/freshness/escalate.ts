import type { NudgeLine } from '../../domain/freshness/plan-owner';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson, type Enqueued } from '../../notify/outbox';
import type { Tx } from '../../store/prisma';
import type { Services } from '../context';
import { ESCALATION_REASONS, escalationViewFor } from './escalation-view';

export type Escalation = NudgeLine & { reason: 'abandoned_days' | 'abandoned_nudges' | 'undeliverable' };

/**
 * FRESH-2 ("Role of IT" 1): a presence put to the IT Director, with the evidence (last activity, each nudge and
 * when), in the caller's transaction. The card goes to the IT Director channel if one is bound, else to each IT
 * Director's personal chat, as a filed policy's copy does; the card kept for updating in place is the channel's (or
 * the last chat's).
 */
export async function escalate(tx: Tx, svc: Pick<Services, 'config' | 'present'>, week: { key: string; at: Date }, e: Escalation): Promise<void> {
  const row = await tx.freshnessEscalation.create({
    data: { presenceId: e.presenceId, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, lastActivityAt: e.lastActivityAt, createdAt: week.at },
  });
  const message = { card: svc.present.freshnessEscalation(await escalationViewFor(tx, row, svc.config.timeZone)), summary: `${e.handle} needs the IT Director: ${ESCALATION_REASONS[e.reason]}` };
  let sent: Enqueued | undefined;
  if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) sent = await enqueueToChannel(tx, 'it_director', message);
  else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null } })) sent = await enqueueToPerson(tx, g.personId, message);
  if (sent) await tx.freshnessEscalation.update({ where: { id: row.id }, data: { outboxId: sent.id } });
  const nudges = await tx.freshnessNudge.count({ where: { presenceId: e.presenceId } });
  await appendAudit(tx, { actor: { personId: null, name: 'Social Steward (weekly freshness sweep)' }, action: 'freshness.escalated', entityType: 'presence', entityId: e.presenceId, data: { escalationId: row.id, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, nudges } }, week.at);
}

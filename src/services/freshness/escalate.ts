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
 * Director's personal chat, as a filed policy's copy does; every card sent is kept and updated in place once decided.
 */
export async function escalate(tx: Tx, svc: Pick<Services, 'config' | 'present'>, week: { key: string; at: Date }, e: Escalation): Promise<void> {
  const row = await tx.freshnessEscalation.create({
    data: { presenceId: e.presenceId, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, lastActivityAt: e.lastActivityAt, createdAt: week.at },
  });
  const message = { card: svc.present.freshnessEscalation(await escalationViewFor(tx, row, svc.config.timeZone, svc.config.peoplePicker)), summary: `${e.handle} needs the IT Director: ${ESCALATION_REASONS[e.reason]}` };
  const sent: Enqueued[] = [];
  if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) sent.push(await enqueueToChannel(tx, 'it_director', message));
  else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null }, orderBy: { personId: 'asc' } })) sent.push(await enqueueToPerson(tx, g.personId, message));
  // Every card sent is kept, so a decision updates each IT Director's copy in place, not only one of them.
  if (sent.length) await tx.freshnessEscalation.update({ where: { id: row.id }, data: { outboxId: sent[0].id, cardOutboxIds: JSON.stringify(sent.map((m) => m.id)) } });
  const nudges = await tx.freshnessNudge.count({ where: { presenceId: e.presenceId } });
  await appendAudit(tx, { actor: { personId: null, name: 'Social Steward (weekly freshness sweep)' }, action: 'freshness.escalated', entityType: 'presence', entityId: e.presenceId, data: { escalationId: row.id, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, nudges } }, week.at);
}

import type { NudgeLine } from '../../domain/freshness/plan-owner';
import { formatWhen } from '../../domain/when';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson, type Enqueued } from '../../notify/outbox';
import type { Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { FreshnessEscalationView } from '../presenters';

export type Escalation = NudgeLine & { reason: 'abandoned_days' | 'abandoned_nudges' | 'undeliverable' };

export const ESCALATION_REASONS: Record<Escalation['reason'], string> = {
  abandoned_days: 'No activity for 90 days or more: it reasonably appears abandoned',
  abandoned_nudges: 'Its owner left the weekly nudges unanswered',
  undeliverable: "Its owner's weekly nudge could not be delivered (they left or blocked the bot)",
};

/**
 * FRESH-2 ("Role of IT" 1): a presence put to the IT Director, with the evidence (last activity, each nudge and
 * when), in the caller's transaction. The card goes to the IT Director channel if one is bound, else to each IT
 * Director's personal chat, as a filed policy's copy does.
 */
export async function escalate(tx: Tx, svc: Pick<Services, 'config' | 'present'>, week: { key: string; at: Date }, e: Escalation): Promise<void> {
  const presence = await tx.presence.findUniqueOrThrow({ where: { id: e.presenceId }, select: { id: true, handle: true, platform: true, departmentId: true, ownerId: true } });
  const [owner, department, nudges] = await Promise.all([
    tx.person.findUnique({ where: { id: presence.ownerId }, select: { name: true } }),
    tx.department.findUnique({ where: { id: presence.departmentId }, select: { name: true } }),
    tx.freshnessNudge.findMany({ where: { presenceId: presence.id }, orderBy: { sentAt: 'desc' }, take: 12, select: { sentAt: true, daysIdle: true } }),
  ]);
  const tz = svc.config.timeZone;
  const view: FreshnessEscalationView = {
    presenceId: presence.id,
    handle: presence.handle,
    platform: presence.platform,
    department: department?.name ?? presence.departmentId,
    owner: owner?.name ?? 'unknown',
    why: ESCALATION_REASONS[e.reason],
    lastActivity: e.lastActivityAt ? formatWhen(e.lastActivityAt, tz) : 'none on record',
    daysIdle: e.daysIdle,
    nudges: nudges.map((n) => `${formatWhen(n.sentAt, tz)} (${n.daysIdle} days without activity)`),
  };
  const message = { card: svc.present.freshnessEscalation(view), summary: `${presence.handle} needs the IT Director: ${ESCALATION_REASONS[e.reason]}` };
  let sent: Enqueued | undefined;
  if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) sent = await enqueueToChannel(tx, 'it_director', message);
  else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null } })) sent = await enqueueToPerson(tx, g.personId, message);
  const row = await tx.freshnessEscalation.create({
    data: { presenceId: presence.id, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, lastActivityAt: e.lastActivityAt, outboxId: sent?.id ?? null, createdAt: week.at },
  });
  await appendAudit(tx, { actor: { personId: null, name: 'Social Steward (weekly freshness sweep)' }, action: 'freshness.escalated', entityType: 'presence', entityId: presence.id, data: { escalationId: row.id, weekKey: week.key, reason: e.reason, daysIdle: e.daysIdle, nudges: nudges.length } }, week.at);
}

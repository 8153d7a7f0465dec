import type { EscalationLine, NudgeLine } from '../../domain/freshness/plan-owner';
import { formatWhen } from '../../domain/when';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS, type Db } from '../../store/prisma';
import type { Services } from '../context';
import { escalate, type Escalation } from './escalate';

const SWEEP_ACTOR = { personId: null, name: 'Social Steward (weekly freshness sweep)' };

/**
 * FRESH-1, FRESH-2: one owner's share of a week's sweep, in ONE transaction: the digest naming each stale presence
 * (one message, not one per presence), its nudge rows, the escalations to the IT Director and their audit events. A
 * digest Teams cannot deliver (no chat with the owner) escalates its presences at once. False when another process
 * committed this owner's week meanwhile (the unique keys refuse a second digest or escalation).
 */
export async function commitOwnerWeek(
  svc: Pick<Services, 'db' | 'config' | 'present'>,
  week: { key: string; at: Date },
  ownerId: string,
  plan: { nudge: NudgeLine[]; escalate: EscalationLine[] },
): Promise<{ digest: boolean; escalations: number } | null> {
  const { db, config, present } = svc;
  try {
    return await (db as Db).$transaction(async (tx) => {
      const escalations: Escalation[] = plan.escalate.map((e) => ({ ...e }));
      let digest = false;
      if (plan.nudge.length) {
        const card = present.freshnessDigest({
          weekOf: formatWhen(week.at, config.timeZone),
          presences: plan.nudge.map((n) => ({ ...n, lastActivity: n.lastActivityAt ? formatWhen(n.lastActivityAt, config.timeZone) : 'never', nudgesBefore: n.unanswered })),
        });
        const sent = await enqueueToPerson(tx, ownerId, { card, summary: `${plan.nudge.length} of your social media accounts need a look` });
        const row = await tx.freshnessDigest.create({ data: { weekKey: week.key, ownerId, outboxId: sent.id, delivery: sent.status === 'dead' ? 'undeliverable' : 'pending', createdAt: week.at } });
        await tx.freshnessNudge.createMany({ data: plan.nudge.map((n) => ({ digestId: row.id, presenceId: n.presenceId, weekKey: week.key, sentAt: week.at, daysIdle: n.daysIdle })) });
        await appendAudit(tx, { actor: SWEEP_ACTOR, action: 'freshness.nudged', entityType: 'person', entityId: ownerId, data: { weekKey: week.key, presences: plan.nudge.map((n) => ({ presenceId: n.presenceId, daysIdle: n.daysIdle })), delivery: row.delivery } }, week.at);
        if (sent.status === 'dead') for (const n of plan.nudge) escalations.push({ ...n, reason: 'undeliverable' });
        digest = true;
      }
      for (const e of escalations) await escalate(tx, svc, week, e);
      // The week's totals move with the owner's rows, so a sweep that dies never loses or doubles a count.
      await tx.freshnessSweep.updateMany({ where: { weekKey: week.key }, data: { digests: { increment: digest ? 1 : 0 }, escalations: { increment: escalations.length } } });
      return { digest, escalations: escalations.length };
    }, TX_OPTIONS);
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return null;
    throw err;
  }
}

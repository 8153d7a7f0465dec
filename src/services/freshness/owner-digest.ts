import type { EscalationLine, NudgeLine } from '../../domain/freshness/plan-owner';
import { formatWhen } from '../../domain/when';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../context';
import { escalate, type Escalation } from './escalate';

const SWEEP_ACTOR = { personId: null, name: 'Social Steward (weekly freshness sweep)' };

export interface OwnerPlan {
  ownerId: string;
  nudge: NudgeLine[];
  escalate: EscalationLine[];
}

type Week = { key: string; at: Date };
type Svc = Pick<Services, 'db' | 'config' | 'present'>;

/**
 * Commits several owners' weeks in ONE transaction (fewer commits: the sweep's cost is mostly per commit). If
 * another process committed one of them meanwhile (a unique key refuses a second digest or escalation), the group
 * is rolled back and each owner is committed on its own, skipping the one already done.
 */
export async function commitOwnerWeeks(svc: Svc, week: Week, plans: OwnerPlan[]): Promise<{ digests: number; escalations: number }> {
  const total = { digests: 0, escalations: 0 };
  const add = (r: { digest: boolean; escalations: number }) => {
    total.digests += r.digest ? 1 : 0;
    total.escalations += r.escalations;
  };
  try {
    const results = await svc.db.$transaction(async (tx) => {
      const out = [];
      for (const p of plans) out.push(await writeOwnerWeek(tx, svc, week, p));
      return out;
    }, TX_OPTIONS);
    results.forEach(add);
  } catch (err) {
    if (!isDuplicate(err) || plans.length === 1) {
      if (isDuplicate(err)) return total;
      throw err;
    }
    for (const p of plans) {
      try {
        add(await svc.db.$transaction((tx) => writeOwnerWeek(tx, svc, week, p), TX_OPTIONS));
      } catch (e) {
        if (!isDuplicate(e)) throw e;
      }
    }
  }
  return total;
}

const isDuplicate = (err: unknown) => (err as { code?: string }).code === 'P2002';

/**
 * FRESH-1, FRESH-2: one owner's share of a week's sweep: the digest naming each stale presence (one message, not one
 * per presence), its nudge rows, the escalations to the IT Director and their audit events, all in the caller's
 * transaction. A digest Teams cannot deliver (no chat with the owner) escalates its presences at once.
 */
async function writeOwnerWeek(tx: Tx, svc: Svc, week: Week, plan: OwnerPlan): Promise<{ digest: boolean; escalations: number }> {
  const { config, present } = svc;
  const escalations: Escalation[] = plan.escalate.map((e) => ({ ...e }));
  let digest = false;
  if (plan.nudge.length) {
    const card = present.freshnessDigest({
      weekOf: formatWhen(week.at, config.timeZone),
      presences: plan.nudge.map((n) => ({ ...n, lastActivity: n.lastActivityAt ? formatWhen(n.lastActivityAt, config.timeZone) : 'never', nudgesBefore: n.unanswered })),
    });
    const sent = await enqueueToPerson(tx, plan.ownerId, { card, summary: `${plan.nudge.length} of your social media accounts need a look` });
    const row = await tx.freshnessDigest.create({ data: { weekKey: week.key, ownerId: plan.ownerId, outboxId: sent.id, delivery: sent.status === 'dead' ? 'undeliverable' : 'pending', createdAt: week.at } });
    await tx.freshnessNudge.createMany({ data: plan.nudge.map((n) => ({ digestId: row.id, presenceId: n.presenceId, weekKey: week.key, sentAt: week.at, daysIdle: n.daysIdle })) });
    await appendAudit(tx, { actor: SWEEP_ACTOR, action: 'freshness.nudged', entityType: 'person', entityId: plan.ownerId, data: { weekKey: week.key, presences: plan.nudge.map((n) => ({ presenceId: n.presenceId, daysIdle: n.daysIdle })), delivery: row.delivery } }, week.at);
    if (sent.status === 'dead') for (const n of plan.nudge) escalations.push({ ...n, reason: 'undeliverable' });
    digest = true;
  }
  for (const e of escalations) await escalate(tx, svc, week, e);
  // The week's totals move with the owner's rows, so a sweep that dies never loses or doubles a count.
  await tx.freshnessSweep.updateMany({ where: { weekKey: week.key }, data: { digests: { increment: digest ? 1 : 0 }, escalations: { increment: escalations.length } } });
  return { digest, escalations: escalations.length };
}

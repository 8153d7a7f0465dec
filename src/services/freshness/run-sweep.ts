import { setImmediate } from 'node:timers/promises';
import { isoWeekKey } from '../../domain/freshness/iso-week';
import { planOwner, type EscalationLine, type NudgeLine } from '../../domain/freshness/plan-owner';
import { holdLease, releaseLease } from '../../store/job-lease';
import type { Services } from '../context';
import { commitOwnerWeeks, type OwnerPlan } from './owner-digest';
import { loadOwnerBatch } from './sweep-batch';

export interface SweepOptions {
  /** Who is sweeping (a process id): the JobLock holder. */
  holder: string;
  /** Print what would be sent; write nothing, claim nothing. */
  dryRun?: boolean;
  batchSize?: number;
  leaseMs?: number;
  /** Owners committed together in one transaction. */
  ownersPerCommit?: number;
  /** Called after each commit with the owners it committed (tests stop a sweep part-way, as a crash would). */
  afterCommit?(ownerIds: string[]): Promise<void> | void;
}

export interface SweepReport {
  weekKey: string;
  /** ran: this call swept; held: another process is sweeping; done: this week was swept already. */
  outcome: 'ran' | 'held' | 'done' | 'dry-run';
  owners: number;
  digests: number;
  escalations: number;
  planned: Array<{ ownerId: string; nudge: NudgeLine[]; escalate: EscalationLine[] }>;
}

/**
 * FRESH-1, FRESH-2: the week's sweep. Only the holder of the lease "freshness-sweep:<week>" sweeps; it walks the
 * owners of live presences in id order a page at a time, commits each owner's week in one transaction and moves the
 * FreshnessSweep cursor after each page, renewing the lease. A process that dies stops renewing: the next one to
 * claim the week resumes after the cursor, and the unique keys skip any owner committed after it.
 */
export async function runSweep(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, opts: SweepOptions): Promise<SweepReport> {
  const { db, config } = svc;
  const at = svc.now();
  const weekKey = isoWeekKey(at, config.timeZone);
  const lease = `freshness-sweep:${weekKey}`;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const report: SweepReport = { weekKey, outcome: opts.dryRun ? 'dry-run' : 'ran', owners: 0, digests: 0, escalations: 0, planned: [] };

  let cursor: string | null = null;
  if (!opts.dryRun) {
    if (!(await holdLease(db, lease, opts.holder, leaseMs, svc.now()))) return { ...report, outcome: 'held' };
    const sweep = await db.freshnessSweep.upsert({ where: { weekKey }, create: { weekKey, holder: opts.holder, startedAt: at }, update: { holder: opts.holder } });
    if (sweep.finishedAt) return { ...report, outcome: 'done' };
    cursor = sweep.cursor;
  }

  for (;;) {
    const batch = await loadOwnerBatch(db, weekKey, cursor, opts.batchSize ?? 200);
    if (!batch.owners.length) break;
    const page = { digests: 0, escalations: 0 };
    const toCommit: OwnerPlan[] = [];
    for (const { ownerId, presences } of batch.owners) {
      report.owners++;
      if (batch.done.has(ownerId)) continue;
      const plan = planOwner(presences, at, config.timeZone, config.freshness);
      if (!plan.nudge.length && !plan.escalate.length) continue;
      if (opts.dryRun) report.planned.push({ ownerId, ...plan });
      else toCommit.push({ ownerId, ...plan });
    }
    const group = opts.ownersPerCommit ?? 25;
    for (let i = 0; i < toCommit.length; i += group) {
      const plans = toCommit.slice(i, i + group);
      const done = await commitOwnerWeeks(svc, { key: weekKey, at }, plans);
      page.digests += done.digests;
      page.escalations += done.escalations;
      await opts.afterCommit?.(plans.map((p) => p.ownerId));
      // SQLite's driver answers synchronously, so without this a sweep of thousands of owners would hold every turn,
      // and the outbox sender that delivers these very digests, until it ended.
      await setImmediate();
    }
    cursor = batch.owners[batch.owners.length - 1].ownerId;
    report.digests += page.digests;
    report.escalations += page.escalations;
    if (!opts.dryRun) {
      // Renewing fails only if another process took the week over after our lease lapsed: it carries on from here.
      if (!(await holdLease(db, lease, opts.holder, leaseMs, svc.now()))) return { ...report, outcome: 'held' };
      await db.freshnessSweep.update({ where: { weekKey }, data: { cursor } });
    }
  }
  if (!opts.dryRun) {
    await db.freshnessSweep.update({ where: { weekKey }, data: { finishedAt: svc.now() } });
    await releaseLease(db, lease, opts.holder);
  }
  return report;
}

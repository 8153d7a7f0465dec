import { Cron } from 'croner';
import type { Logger } from '../log/logger';
import { isoWeekKey } from '../domain/freshness/iso-week';
import { runSweep } from '../services/freshness/run-sweep';
import type { Services } from '../services/context';

/** How often a process looks for a week's sweep that another process started and did not finish. */
const RESUME_CHECK = '*/15 * * * *';

/**
 * FRESH-1: runs the weekly sweep on FRESHNESS_SWEEP_CRON, read in TIME_ZONE (croner keeps daylight saving right).
 * Every process schedules it; the JobLock lease per ISO week lets exactly one of them sweep. Each process also
 * resumes a week left unfinished (a sweeper that died), at start and every 15 minutes.
 */
export function scheduleFreshness(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, holder: string, log: Logger): { stop(): void } {
  const { sweepCron } = svc.config.freshness;
  if (sweepCron === 'off') return { stop: () => undefined };
  const sweep = async (why: string) => {
    try {
      const r = await runSweep(svc, { holder });
      if (r.outcome === 'ran') log.info({ weekKey: r.weekKey, owners: r.owners, digests: r.digests, escalations: r.escalations, why }, 'freshness sweep finished');
    } catch (err) {
      log.error({ err, why }, 'freshness sweep failed; another process (or the next check) resumes it');
    }
  };
  const resume = async () => {
    const weekKey = isoWeekKey(svc.now(), svc.config.timeZone);
    const row = await svc.db.freshnessSweep.findUnique({ where: { weekKey } }).catch(() => null);
    if (row && !row.finishedAt) await sweep('resume');
  };
  const opts = { timezone: svc.config.timeZone, protect: true };
  const weekly = new Cron(sweepCron, opts, () => sweep('schedule'));
  const resumer = new Cron(RESUME_CHECK, opts, resume);
  void resume();
  return {
    stop: () => {
      weekly.stop();
      resumer.stop();
    },
  };
}

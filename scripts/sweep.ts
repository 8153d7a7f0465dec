import 'dotenv/config';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../src/config/config';
import { createPrisma, dialectOfClient } from '../src/store/prisma';
import { useServerSettings } from '../src/store/sqlite-settings';
import { formatWhen } from '../src/domain/when';
import { runSweep, type SweepReport } from '../src/services/freshness/run-sweep';
import { cardPresenters } from '../cards/presenters';

const USAGE = 'Usage: npm run sweep [-- --dry-run]';

/**
 * `npm run sweep`: this week's freshness sweep now (FRESH-1), as the schedule would run it: it claims the week, so it
 * does nothing if the week was swept or a bot process is sweeping. Its messages go into the outbox; the running bot
 * delivers them. `--dry-run` prints what would be sent and writes nothing.
 */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' } }, strict: true });
  const config = loadConfig(process.env);
  const db = createPrisma(config.databaseUrl);
  try {
    // Waits for the running bot's writes instead of failing on a busy SQLite file.
    if (dialectOfClient(db) === 'sqlite') await useServerSettings(db);
    const report = await runSweep({ db, config, present: cardPresenters, now: () => new Date() }, { holder: `${hostname()}:${process.pid}:cli:${userInfo().username}`, dryRun: values['dry-run'] });
    print(report, config.timeZone);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

function print(r: SweepReport, timeZone: string): void {
  if (r.outcome === 'held') return console.log(`Week ${r.weekKey}: another process is sweeping it now; nothing was done.`);
  if (r.outcome === 'done') return console.log(`Week ${r.weekKey} was swept already; nothing was done.`);
  if (r.outcome === 'ran') return console.log(`Week ${r.weekKey}: ${r.owners} owners checked, ${r.digests} digests and ${r.escalations} escalations queued for delivery.`);
  console.log(`Dry run for week ${r.weekKey}: ${r.owners} owners checked; nothing was written.`);
  for (const p of r.planned) {
    console.log(`\nOwner ${p.ownerId}:`);
    for (const n of p.nudge) console.log(`  nudge     ${n.handle} (${n.platform}): ${n.daysIdle} days since ${n.lastActivityAt ? formatWhen(n.lastActivityAt, timeZone) : 'never'}, ${n.unanswered} earlier nudges unanswered`);
    for (const e of p.escalate) console.log(`  escalate  ${e.handle} (${e.platform}): ${e.reason === 'abandoned_days' ? `${e.daysIdle} days without activity` : `${e.unanswered} nudges unanswered`}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof TypeError && /Unknown option/.test(err.message) ? `${err.message}\n${USAGE}` : `sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);

/**
 * `npm run bench:sweep`: the weekly freshness sweep (FRESH-1) over 1,000, 10,000 and 100,000 live presences, five
 * per owner, of which about one in five is stale and one in fifty has gone 90 days without activity. Each size is
 * swept twice in a fresh process with the V8 heap capped at 64 MB (a sweep that held every presence in memory would
 * die there): a dry run (the batched reads and the rule alone) and the real sweep (one transaction per owner with a
 * digest, its nudges, escalations and audit events). Prints time and peak RSS. `-- --sizes 1000,10000` changes the sizes.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { applyMigrations } from '../src/store/migrate';
import { createPrisma, type Db } from '../src/store/prisma';
import { seedDepartments } from '../src/store/seed';
import { useServerSettings } from '../src/store/sqlite-settings';
import { loadConfig } from '../src/config/config';
import { runSweep } from '../src/services/freshness/run-sweep';
import { cardPresenters } from '../cards/presenters';

const MONDAY = new Date('2026-12-07T15:00:00Z');
const DAY = 86_400_000;
const PER_OWNER = 5;
const HEAP_CAP_MB = 64;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Owners with a personal chat and five live presences each; the days since going live vary by presence. */
async function fill(db: Db, presences: number): Promise<void> {
  await seedDepartments(db);
  const departmentId = (await db.department.findFirstOrThrow()).id;
  for (let start = 0; start < presences; start += 1000) {
    const people = [], refs = [], requests = [], rows = [];
    for (let i = start; i < Math.min(presences, start + 1000); i++) {
      const ownerId = `owner-${String(Math.floor(i / PER_OWNER)).padStart(7, '0')}`;
      if (i % PER_OWNER === 0) {
        people.push({ id: ownerId, aadObjectId: `aad-${ownerId}`, name: `Owner ${i / PER_OWNER}` });
        refs.push({ conversationId: `a:${ownerId}`, kind: 'personal', personId: ownerId, reference: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/', conversation: { id: `a:${ownerId}` } }) });
      }
      const requestId = randomUUID();
      const daysIdle = i % 50 === 7 ? 120 : i % 5 === 3 ? 45 : 10;
      requests.push({ id: requestId, requesterId: ownerId, status: 'approved' });
      rows.push({ requestId, departmentId, platform: 'facebook', handle: `acct-${i}`, state: 'active', record: '{}', ownerId, noticeConfirmedAt: new Date(MONDAY.getTime() - daysIdle * DAY) });
    }
    await db.person.createMany({ data: people });
    await db.conversationRef.createMany({ data: refs });
    await db.presenceRequest.createMany({ data: requests });
    await db.presence.createMany({ data: rows });
  }
}

/** In the child process: one sweep, then its figures as a JSON line. maxRSS is the kernel's peak for the process. */
async function sweepOnce(url: string, dryRun: boolean) {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const db = createPrisma(url);
  await useServerSettings(db); // as the bot runs SQLite (src/server/start.ts)
  await db.presence.count();
  const baseline = process.memoryUsage().rss;
  const started = Date.now();
  const r = await runSweep({ db, config, present: cardPresenters, now: () => MONDAY }, { holder: 'bench', dryRun });
  const ms = Date.now() - started;
  await db.$disconnect();
  const planned = r.planned.reduce((n, p) => n + p.nudge.length + p.escalate.length, 0);
  console.log(JSON.stringify({ ms, baseline, peak: process.resourceUsage().maxRSS * 1024, owners: r.owners, digests: r.digests, escalations: r.escalations, planned }));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, db: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  if (values.db) {
    await sweepOnce(values.db, values['dry-run'] ?? false);
    return 0;
  }
  console.log('| presences | owners | dry run (reads + rule) | peak RSS | sweep (digests, escalations) | peak RSS |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const size of values.sizes.split(',').map(Number)) {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-sweep-bench-'));
    const url = `file:${path.join(dir, 'bench.db')}`;
    try {
      await applyMigrations(url);
      const db = createPrisma(url);
      await fill(db, size);
      await db.$disconnect();
      const run = async (dry: boolean) => {
        const args = ['--import', 'tsx', __filename, '--db', url, ...(dry ? ['--dry-run'] : [])];
        const child = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20, env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_CAP_MB}` } });
        return JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; baseline: number; peak: number; owners: number; digests: number; escalations: number; planned: number };
      };
      const dry = await run(true);
      const real = await run(false);
      console.log(`| ${size.toLocaleString('en-US')} | ${real.owners.toLocaleString('en-US')} | ${(dry.ms / 1000).toFixed(1)} s (${dry.planned} to send) | ${mb(dry.peak)} | ${(real.ms / 1000).toFixed(1)} s (${real.digests}, ${real.escalations}) | ${mb(real.peak)} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npm run bench:statements`: how many SQL statements each kind of turn runs, counted where they reach SQLite
 * (better-sqlite3's statements and exec, so Prisma's queries, its BEGIN/COMMIT and the driver-level turn reads all
 * count). The bot runs in this process with its outbox worker stopped, so only the turn's own statements are seen.
 * A count, not a time: it does not depend on the machine's load. `-- --list` prints each turn's statements.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Harness } from '../test/harness/bot-harness';
import { cardText, PERSONAL } from '../test/harness/teams-client';
import type { RemotePeople } from '../test/harness/remote-people';
import { cloneReviews, seed } from './turns/seed';

const seen: string[] = [];
function countStatements(): void {
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = statement[method];
    statement[method] = function (this: { source: string }, ...args: unknown[]) {
      seen.push(this.source);
      return original.apply(this, args);
    };
  }
  const db = Database.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const exec = db.exec;
  db.exec = function (this: unknown, sql: unknown) {
    seen.push(String(sql));
    return exec.call(this, sql);
  };
  probe.close();
}

async function measure(name: string, clicks: number, turn: (i: number) => Promise<unknown>) {
  const lists: string[][] = [];
  for (let i = 0; i < clicks; i++) {
    seen.length = 0;
    await turn(i);
    lists.push([...seen]);
  }
  const counts = lists.map((l) => l.length);
  return { name, min: Math.min(...counts), max: Math.max(...counts), statements: lists[lists.length - 1] };
}

async function main(): Promise<void> {
  countStatements();
  // A data folder of its own: the bot migrates a new SQLite file at start, as `npm start` does.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-bench-statements-'));
  const h = await Harness.start({ admins: ['Morgan Lee'], dataDir });
  try {
    const people = { harness: h, user: (n: string) => h.user(n), bot: h.bot } as unknown as RemotePeople;
    const seeded = await seed(people, 4);
    const approvals = await cloneReviews(h.bot.db, seeded.approve, 5);
    await h.bot.worker.stop();
    const morgan = h.user('Morgan Lee');
    await morgan.say('help');
    const rows = [
      await measure('help', 5, () => morgan.say('help', PERSONAL)),
      await measure('save draft click', 5, (i) => {
        const d = seeded.drafts[i % seeded.drafts.length];
        return d.user.click({ ...(d.data as { verb: string }), purpose: `Share park events, closures and volunteer days (${i}).` });
      }),
      await measure('approve click', 5, async (i) => {
        const res = await seeded.approve.user.click(approvals[i] as { verb: string }, { channel: { id: '19:it-review@thread.tacv2', name: 'IT review' } });
        if (!/You approved/.test(cardText(res.card))) throw new Error(`the approval did not go through: ${cardText(res.card).slice(0, 200)}`);
      }),
    ];
    console.log(`\nSQL statements per turn, ${new Date().toISOString().slice(0, 10)} (5 turns each; BEGIN and COMMIT count)\n`);
    console.log('| turn | statements (min-max) |\n|---|---|');
    for (const r of rows) console.log(`| ${r.name} | ${r.min === r.max ? r.min : `${r.min}-${r.max}`} |`);
    if (process.argv.includes('--list')) {
      for (const r of rows) console.log(`\n${r.name}:\n${r.statements.map((s) => `  ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`);
    }
  } finally {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * `npm run bench:turns`: what a turn costs, as a ratio to the framework's own floor measured in the same run.
 * Teams-shaped activities are posted to /api/messages by autocannon at 1, 16 and 64 connections; every server runs
 * in its own process and replies to a connector that only counts (bench/turns/sink-connector.ts).
 *   help        the bot's `help` message          vs  a bare botbuilder CloudAdapter echo bot
 *   save draft  a Save draft click (changes a field) vs a bare teams-ai Action.Execute handler
 *   approve     an IT approval click, a fresh review per click (seeded before the cell) vs the same floor
 * BENCH_SECONDS (default 5) sets a cell's length; BENCH_APPROVALS (default 300) the reviews per approval cell.
 * BENCH_PROFILE=<folder> runs the bot and the floors under `node --cpu-prof`, each writing its profile to a folder
 * of its own there (bot, echo, execute) when it stops;
 * BENCH_CONNECTIONS (e.g. "16") and BENCH_TURNS (e.g. "help") narrow the run to the cells a profile is for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma } from '../src/store/prisma';
import { aadFor } from '../test/harness/bot-harness';
import { PERSONAL, type TeamsUser } from '../test/harness/teams-client';
import { startChild, type Child } from './turns/processes';
import { runCell, type CellResult } from './turns/load';
import { cloneReviews, seed } from './turns/seed';
import { RemotePeople } from '../test/harness/remote-people';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const APPROVALS = Number(process.env.BENCH_APPROVALS ?? 300);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const TURNS = new Set((process.env.BENCH_TURNS ?? 'help,save,approve').split(','));
const PROFILE = process.env.BENCH_PROFILE;
const URL_LINE = /(?:listening|running:) (http:\/\/[^/\s]+)/;

const message = (user: TeamsUser, serviceUrl: string, text: string) => ({ ...user.activity('message', PERSONAL, { text }), serviceUrl });
const click = (user: TeamsUser, serviceUrl: string, data: Record<string, unknown>) => ({
  ...user.activity('invoke', PERSONAL, { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' } }),
  serviceUrl,
});

interface Row {
  name: string;
  connections: number;
  result: CellResult;
  floor?: CellResult;
}

function table(rows: Row[]): string {
  const f = (n: number | undefined, d = 0) => (n === undefined ? '' : n.toFixed(d));
  const lines = ['| turn | conns | req/s | p50 ms | p99 ms | CPU ms/turn | x floor req/s | x floor p99 | failures |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = r.floor ? `${(r.result.rps / r.floor.rps).toFixed(2)}x` : '';
    const p99 = r.floor ? `${(r.result.p99 / Math.max(1, r.floor.p99)).toFixed(1)}x` : '';
    lines.push(`| ${r.name} | ${r.connections} | ${f(r.result.rps)} | ${f(r.result.p50)} | ${f(r.result.p99)} | ${f(r.result.cpuMsPerTurn, 2)} | ${ratio} | ${p99} | ${r.result.failures} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-bench-turns-'));
  const children: Child[] = [];
  const start = async (script: string, args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []) => {
    const c = await startChild(script, args, env, URL_LINE, nodeArgs);
    children.push(c);
    return c;
  };
  try {
    const sink = await start('bench/turns/sink-connector.ts');
    const profiled = (name: string) => (PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.join(PROFILE, name)] : []);
    const echo = await start('bench/turns/floor-server.ts', ['echo'], {}, profiled('echo'));
    const execute = await start('bench/turns/floor-server.ts', ['execute'], {}, profiled('execute'));
    const bot = await start('src/main.ts', [], { NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', FIRST_ADMINS: aadFor('Morgan Lee') }, profiled('bot'));
    const db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
    const people = new RemotePeople({ db, url: bot.url });
    await people.connector.start();
    const seeded = await seed(people, 64);
    const morgan = people.user('Morgan Lee');

    const rows: Row[] = [];
    const cell = (name: string, url: string, pid: number | undefined, connections: number, body: (n: number) => unknown, amount?: number) =>
      runCell({ url, pid, connections, duration: SECONDS, amount, body }).then((result) => ({ name, connections, result }));

    // Warm each server's code paths before measuring.
    await cell('warm', echo.url, undefined, 4, () => message(morgan, sink.url, 'hello'));
    await cell('warm', bot.url, undefined, 4, () => message(morgan, sink.url, 'help'));
    await cell('warm', execute.url, undefined, 4, () => click(morgan, sink.url, { verb: 'floor.save', purpose: 'x' }));

    for (const connections of CONNECTIONS) {
      if (TURNS.has('help')) {
        const echoFloor = await cell('echo floor (botbuilder)', echo.url, echo.proc.pid, connections, () => message(morgan, sink.url, 'help'));
        const help = await cell('help', bot.url, bot.proc.pid, connections, () => message(morgan, sink.url, 'help'));
        rows.push(echoFloor, { ...help, floor: echoFloor.result });
      }
      if (!TURNS.has('save') && !TURNS.has('approve')) continue;
      const executeFloor = await cell('Action.Execute floor (teams-ai)', execute.url, execute.proc.pid, connections, (n) =>
        click(morgan, sink.url, { verb: 'floor.save', purpose: `Share park events ${n}` }),
      );
      rows.push(executeFloor);
      if (TURNS.has('save')) {
        const save = await cell('save draft click', bot.url, bot.proc.pid, connections, (n) => {
          const d = seeded.drafts[n % seeded.drafts.length];
          return click(d.user, sink.url, { ...d.data, purpose: `Share park events, closures and volunteer days (${n}).` });
        });
        rows.push({ ...save, floor: executeFloor.result });
      }
      if (TURNS.has('approve')) {
        // autocannon needs at least one request per connection.
        const approvals = await cloneReviews(db, seeded.approve, Math.max(APPROVALS, connections * 4));
        const approve = await cell('approve click', bot.url, bot.proc.pid, connections, (n) => click(seeded.approve.user, sink.url, approvals[n % approvals.length]), approvals.length);
        rows.push({ ...approve, floor: executeFloor.result });
      }
    }
    await db.$disconnect();
    await people.connector.stop();

    console.log(`\nTurns, ${new Date().toISOString().slice(0, 10)}, ${SECONDS} s per cell (approvals: ${APPROVALS} clicks per cell)\n`);
    console.log(table(rows));
    const at16 = (name: string) => rows.find((r) => r.name === name && r.connections === 16);
    const help16 = at16('help');
    const save16 = at16('save draft click');
    if (help16) console.log(`\nTarget at 16 connections: help ${(help16.result.rps / help16.floor!.rps).toFixed(2)}x the echo floor (target >= 1.0x)`);
    if (save16) console.log(`Target at 16 connections: save draft ${(save16.result.rps / save16.floor!.rps).toFixed(2)}x the Action.Execute floor (target >= 0.6x), p99 ${save16.result.p99} ms (target < 50 ms)`);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
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

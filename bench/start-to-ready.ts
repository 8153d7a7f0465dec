/**
 * `npm run bench:start`: the production start (`node dist/src/main.js`, and through `npm run start:prod`) beside the
 * development start (`npm run bot`, tsx), in one run: time from start to /readyz answering 200 on an empty data
 * folder and on a restart, resident memory of the whole process tree, time to stop on SIGTERM; then the
 * `npm ci --omit=dev` size from a fresh clone.
 * `-- --runs N` repeats each start (median shown); `-- --no-install` skips the install (several minutes).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { folderMb, productionInstall } from './start/install-size';
import { freshDataDir, measureStart, removeDataDir, type StartRun } from './start/measure-start';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const PORT = 3990;

// npm ends by re-raising the signal it was sent, so only the bare node start must exit 0 (the clean-stop check).
const VARIANTS: Array<{ name: string; command: string; args: string[]; exit0?: boolean }> = [
  { name: 'node dist/src/main.js', command: process.execPath, args: ['dist/src/main.js'], exit0: true },
  { name: 'npm run start:prod', command: 'npm', args: ['run', '--silent', 'start:prod'] },
  { name: 'npm run bot (tsx)', command: 'npm', args: ['run', '--silent', 'bot'] },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (x: number) => `${x.toFixed(0)} MB`;

async function main(): Promise<number> {
  console.log('Building dist/ (npm run build)...');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const results = new Map<string, StartRun[]>(VARIANTS.map((v) => [v.name, []]));
  const restarts = new Map<string, StartRun[]>(VARIANTS.map((v) => [v.name, []]));
  // Interleaved, so a machine busy for a while slows every variant alike. Each variant starts on an empty folder
  // (migrations applied), then again on the same folder (a restart).
  for (let i = 0; i < runs; i++) {
    for (const v of VARIANTS) {
      const dataDir = freshDataDir();
      try {
        results.get(v.name)?.push(await measureStart(v.command, v.args, { cwd: ROOT, port: PORT, settleMs: 2000, dataDir }));
        restarts.get(v.name)?.push(await measureStart(v.command, v.args, { cwd: ROOT, port: PORT, settleMs: 2000, dataDir }));
      } finally {
        removeDataDir(dataDir);
      }
    }
  }
  console.log(`\nMedian of ${runs} (Node ${process.version}); resident memory and processes after a restart, settled 2 s:`);
  console.log('| start | to /readyz 200, empty folder | to /readyz 200, restart | resident memory (tree) | processes | SIGTERM to all stopped | exit |');
  console.log('|---|---|---|---|---|---|---|');
  let failed = false;
  for (const { name, exit0 } of VARIANTS) {
    const first = results.get(name) ?? [];
    const rs = restarts.get(name) ?? [];
    const rss = rs.map((r) => r.tree.reduce((s, p) => s + p.rssMb, 0));
    const codes = [...new Set([...first, ...rs].map((r) => r.exit))];
    failed ||= !!exit0 && codes.some((c) => c !== 0);
    const procs = rs[rs.length - 1].tree.map((p) => `${p.command.split(' ').slice(0, 2).map((w) => path.basename(w)).join(' ')} ${mb(p.rssMb)}`).join(' + ');
    const seconds = (runs: StartRun[]) => `${(median(runs.map((r) => r.readyMs)) / 1000).toFixed(2)} s`;
    console.log(`| ${name} | ${seconds(first)} | ${seconds(rs)} | ${mb(median(rss))} | ${procs} | ${median(rs.map((r) => r.stopMs)).toFixed(0)} ms | ${codes.join(', ')} |`);
  }
  if (!args.includes('--no-install')) {
    console.log('\nInstall size (node_modules):');
    const prod = productionInstall(ROOT);
    console.log(`| npm ci --omit=dev (production build) | ${mb(prod.mb)} | ${prod.seconds.toFixed(0)} s |`);
    console.log(`| this working tree, with dev dependencies (tsx start) | ${mb(folderMb(path.join(ROOT, 'node_modules')))} | |`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processTree, type ProcessRss } from './process-tree';

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'steward-start-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface StartRun {
  readyMs: number;
  stopMs: number;
  /** Exit code of the started process, or the signal that ended it. */
  exit: number | string | null;
  tree: ProcessRss[];
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/**
 * One start: time from spawn until /readyz answers 200, the resident memory of the whole process tree once settled,
 * then SIGTERM and time until every process of it is gone. On an empty data folder the migrations are applied (a
 * first start); on the folder of an earlier start they are not (a restart).
 */
export async function measureStart(command: string, args: string[], opts: { cwd: string; port: number; settleMs: number; dataDir: string }): Promise<StartRun> {
  if (await ready(`http://127.0.0.1:${opts.port}/readyz`)) throw new Error(`port ${opts.port} is already answering: stop that process first`);
  const dataDir = opts.dataDir;
  const env = { ...process.env, NODE_ENV: 'development', PORT: String(opts.port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const started = performance.now();
  // Its own process group: SIGTERM goes to every process in it, as a terminal's Ctrl-C or systemd's stop does.
  const child = spawn(command, args, { cwd: opts.cwd, env, stdio: 'ignore', detached: true });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  try {
    const deadline = Date.now() + 120_000;
    while (!(await ready(`http://127.0.0.1:${opts.port}/readyz`))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} did not become ready`);
      await wait(20);
    }
    const readyMs = performance.now() - started;
    await wait(opts.settleMs);
    const tree = processTree(child.pid ?? -1);
    const stopping = performance.now();
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    const exit = await exited;
    while (tree.some((p) => existsSync(`/proc/${p.pid}`))) await wait(10);
    return { readyMs, stopMs: performance.now() - stopping, exit, tree };
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
  }
}

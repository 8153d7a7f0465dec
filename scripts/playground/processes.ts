import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** Child processes of the launcher, each in its own process group, and the waits for them to come up. */

/** A port nobody listens on right now (ask the OS for one). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something already accepts connections on host:port. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    sock.setTimeout(1000);
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('timeout', () => (sock.destroy(), resolve(false)));
    sock.once('error', () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET without keep-alive (global fetch keeps sockets open, which makes jest wait for them). */
export function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.once('error', reject);
  });
}

export interface Child {
  name: string;
  proc: ChildProcess;
  log: WriteStream;
  logPath: string;
  tail: string[];
  exited: boolean;
  exit: Promise<string>;
}

export function startChild(name: string, command: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; echo: boolean }): Child {
  const logPath = path.join(opts.logDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'w' });
  // detached: the child leads its own process group, so stop() can signal everything it starts (npx leaves its node child).
  const proc = spawn(command[0], command.slice(1), { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const child: Child = { name, proc, log, logPath, tail: [], exited: false, exit: Promise.resolve('') };
  const onData = (stream: NodeJS.WriteStream) => (buf: Buffer) => {
    log.write(buf);
    for (const line of buf.toString().split('\n')) if (line.trim()) child.tail.push(line);
    if (child.tail.length > 40) child.tail.splice(0, child.tail.length - 40);
    if (opts.echo) stream.write(buf.toString().replace(/^(?=.)/gm, `[${name}] `));
  };
  proc.stdout!.on('data', onData(process.stdout));
  proc.stderr!.on('data', onData(process.stderr));
  child.exit = new Promise((resolve) => {
    proc.once('error', (err) => {
      child.exited = true;
      resolve(`${name} could not start (${command.join(' ')}): ${err.message}`);
    });
    proc.once('exit', (code, signal) => {
      child.exited = true;
      resolve(`${name} exited (${signal ?? `code ${code}`})`);
    });
  });
  return child;
}

/** True while any process of the group led by pgid is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM the child's whole process group, wait (up to graceMs) until EVERY process in it is gone, then SIGKILL
 * whatever is left. Waiting for the group, not the leader: a wrapper such as npx exits at once on SIGTERM while
 * the node it started is still shutting down (finishing turns, closing the database).
 */
export async function stopChild(child: Child, graceMs = 12_000): Promise<void> {
  const pgid = child.proc.pid;
  if (pgid && groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* gone meanwhile */
    }
    const deadline = Date.now() + graceMs;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  }
  await new Promise<void>((r) => child.log.end(() => r()));
}

function describeFailure(child: Child, why: string): Error {
  return new Error(`${why}\n--- last lines of ${child.name} (${child.logPath}) ---\n${child.tail.join('\n') || '(no output)'}`);
}

/** Polls url until it answers 200; fails early if the child exits. */
export async function waitForHttp200(url: string, child: Child, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child.exited) throw describeFailure(child, `${child.name} stopped before ${url} answered: ${await child.exit}`);
    try {
      const status = await httpStatus(url);
      if (status === 200) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw describeFailure(child, `${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** The Playground prints "Listening on <port>" on stdout when stdout is not a terminal. */
export async function waitForPlaygroundPort(child: Child, timeoutMs: number, signal?: AbortSignal): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of child.tail) {
      const m = /Listening on (\d+)/.exec(line);
      if (m) return Number(m[1]);
    }
    signal?.throwIfAborted();
    if (child.exited) throw describeFailure(child, `the Playground stopped before listening: ${await child.exit}`);
    await sleep(100);
  }
  throw describeFailure(child, `the Playground did not start listening within ${timeoutMs / 1000} s`);
}

/** botEnv may set a variable to undefined to remove it from the inherited environment. */
export function withoutUndefined(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/**
 * `tsx src/main.ts` as ONE node process (`node --import tsx`), not `npx tsx`: npx and tsx's wrapper each relay
 * SIGTERM, so the bot would get it two or three times and a `process.once` handler would be killed mid-shutdown.
 */

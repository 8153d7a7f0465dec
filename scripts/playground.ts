/**
 * `npm run playground`: Social Steward in the Microsoft 365 Agents Playground (a local Teams client), offline.
 *
 *  1. writes the Playground config (.m365agentsplayground.yml) from scripts/playground/users.ts, with the current
 *     user chosen by PLAYGROUND_USER=pat|dana|ivy|morgan|sam|chris (default morgan, the first admin) and the one
 *     extra team channel chosen by PLAYGROUND_CHANNEL=it-review|city-attorney|mayors-office (default it-review);
 *  2. starts the bot (tsx src/main.ts, PORT=3978, FIRST_ADMINS=<Morgan>, demo roles seeded) and waits for
 *     GET /healthz to answer 200;
 *  3. starts the Playground (agentsplayground -e http://127.0.0.1:3978/api/messages -c msteams, port 56150)
 *     and waits for its web UI, then binds the extra channel's purpose (it-review -> IT review...) to that channel
 *     through the Playground's mock connector (scripts/playground/seed-demo.ts), so review cards appear there;
 *  4. prints the address to open. Ctrl-C / SIGTERM stops both.
 *
 * Each child runs in its own process group (detached) and is stopped by signalling the whole group, so nothing it
 * started is left listening. BOT_ENTRY=<file> runs another bot file instead of src/main.ts (e.g. a throwaway echo bot).
 *
 * `startPlayground(opts)` does the same for tests (other ports, another bot command, a private config path).
 * The Playground cannot switch the current user in its UI: restart with another PLAYGROUND_USER (docs/playground.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { bindDemoChannel, playgroundServiceUrl, seedDemo } from './playground/seed-demo';
import {
  DEFAULT_PLAYGROUND_CHANNEL,
  DEFAULT_PLAYGROUND_USER,
  DEMO_GROUP_CHAT,
  DEMO_TEAM,
  DEMO_USER_KEYS,
  DEMO_USER_LIST,
  DEMO_USERS,
  FIRST_ADMIN,
  PLAYGROUND_BOT,
  PLAYGROUND_TENANT_ID,
  isDemoUserKey,
  personalChatId,
  type DemoChannelKey,
  type DemoUser,
  type DemoUserKey,
} from './playground/users';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_BOT_PORT = 3978;
export const DEFAULT_PLAYGROUND_PORT = 56150;
export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

type ExtraChannelKey = Exclude<DemoChannelKey, 'general'>;

export interface StartPlaygroundOptions {
  /** Current user of the Playground. Default: PLAYGROUND_USER or "morgan". */
  user?: DemoUserKey;
  /** The one non-General channel the Playground team shows. Default: PLAYGROUND_CHANNEL or "it-review". */
  channel?: ExtraChannelKey;
  /** Port the bot listens on (PORT). Default 3978. */
  botPort?: number;
  /** Port for the Playground UI + mock connector. Default 56150 (the Playground itself falls back to a random port if busy). */
  playgroundPort?: number;
  /**
   * Command that starts the bot, run in `cwd` with PORT/FIRST_ADMINS in its environment.
   * Default: `node --import tsx <BOT_ENTRY or src/main.ts>` (what `npx tsx src/main.ts` runs, as a single process).
   * Pass null to start no bot (one is already listening on botPort).
   */
  botCommand?: readonly string[] | null;
  /** Extra environment for the bot (e.g. DATA_DIR for a throwaway database). */
  botEnv?: Record<string, string | undefined>;
  /** Working directory for both children. Default: the repository root. */
  cwd?: string;
  /** Where the Playground config is written. Default: <cwd>/.m365agentsplayground.yml. */
  configPath?: string;
  /** Where bot.log, playground.log and the Playground's own log go. Default: <cwd>/.tmp/playground. */
  logDir?: string;
  /** Copy the children's output to this process's stdout/stderr (prefixed). Default false. */
  echoOutput?: boolean;
  /** Per wait (bot health, Playground UI). Default 60 s. */
  timeoutMs?: number;
  /** Aborting it while starting stops whatever was started and rejects. */
  signal?: AbortSignal;
}

export interface RunningPlayground {
  /** The address to open in a browser, e.g. http://localhost:56150 */
  url: string;
  botUrl: string;
  botPort: number;
  playgroundPort: number;
  configPath: string;
  logDir: string;
  user: DemoUser;
  /** Resolves when either child exits on its own (not via stop()); the value says which and how. */
  exited: Promise<string>;
  /** Stops the Playground and the bot (whole process groups); safe to call twice. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Config file

export interface PlaygroundConfigInput {
  user: DemoUserKey;
  channel: ExtraChannelKey;
}

/** The Playground config (schema 0.1.1, see docs/playground.md) for a current user. */
export function buildPlaygroundConfig({ user, channel }: PlaygroundConfigInput) {
  const me = DEMO_USERS[user];
  const others = DEMO_USER_LIST.filter((u) => u.key !== user);
  // The Playground's schema demands exactly 5 `users` besides the current user.
  if (others.length < 5) throw new Error(`The Playground needs 5 users besides the current one; users.ts has ${others.length}`);
  const extra = DEMO_TEAM.channels.find((c) => c.key === channel);
  if (!extra || extra.key === 'general') throw new Error(`Unknown extra channel "${channel}"`);
  const account = (u: DemoUser) => ({
    id: u.teamsUserId,
    name: u.name,
    userPrincipleName: u.email, // sic: the Playground's schema spells it this way
    aadObjectId: u.aadObjectId,
    givenName: u.givenName,
    surname: u.surname,
    email: u.email,
  });
  return {
    version: '0.1.1',
    tenantId: PLAYGROUND_TENANT_ID,
    bot: { id: PLAYGROUND_BOT.id, name: PLAYGROUND_BOT.name },
    currentUser: account(me),
    users: others.slice(0, 5).map(account),
    personalChat: { id: personalChatId(me) },
    groupChat: { id: DEMO_GROUP_CHAT.id, name: DEMO_GROUP_CHAT.name },
    team: {
      id: DEMO_TEAM.id,
      name: DEMO_TEAM.name,
      aadGroupId: DEMO_TEAM.aadGroupId,
      // General is implicit (its id is the team id); the schema allows ONE more channel.
      channels: [{ id: extra.id, name: extra.name }],
    },
  };
}

/** YAML without a YAML library: every scalar is a JSON string, which YAML reads as a double-quoted scalar. */
export function toYaml(value: unknown, indent = ''): string {
  const q = (s: unknown) => JSON.stringify(String(s));
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === 'object') {
          const body = toYaml(item, indent + '  ');
          return `${indent}- ${body.slice(indent.length + 2)}`;
        }
        return `${indent}- ${q(item)}\n`;
      })
      .join('');
  }
  let out = '';
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object') out += `${indent}${k}:\n${toYaml(v, indent + '  ')}`;
    else out += `${indent}${k}: ${q(v)}\n`;
  }
  return out;
}

export function renderPlaygroundYaml(input: PlaygroundConfigInput): string {
  const me = DEMO_USERS[input.user];
  return (
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json\n' +
    '# GENERATED by scripts/playground.ts from scripts/playground/users.ts on every `npm run playground`: edit those, not this.\n' +
    `# Current user: ${me.name} (${me.title}). Switch with PLAYGROUND_USER=${DEMO_USER_KEYS.join('|')}.\n` +
    toYaml(buildPlaygroundConfig(input))
  );
}

export function writePlaygroundConfig(configPath: string, input: PlaygroundConfigInput): void {
  mkdirSync(path.dirname(configPath), { recursive: true });
  writeFileSync(configPath, renderPlaygroundYaml(input));
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

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
function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    sock.setTimeout(1000);
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('timeout', () => (sock.destroy(), resolve(false)));
    sock.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

interface Child {
  name: string;
  proc: ChildProcess;
  log: WriteStream;
  logPath: string;
  tail: string[];
  exited: boolean;
  exit: Promise<string>;
}

function startChild(name: string, command: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; echo: boolean }): Child {
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
async function stopChild(child: Child, graceMs = 12_000): Promise<void> {
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
async function waitForHttp200(url: string, child: Child, timeoutMs: number, signal?: AbortSignal): Promise<void> {
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
async function waitForPlaygroundPort(child: Child, timeoutMs: number, signal?: AbortSignal): Promise<number> {
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
function withoutUndefined(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/**
 * `tsx src/main.ts` as ONE node process (`node --import tsx`), not `npx tsx`: npx and tsx's wrapper each relay
 * SIGTERM, so the bot would get it two or three times and a `process.once` handler would be killed mid-shutdown.
 */
function defaultBotCommand(): string[] {
  const entry = process.env.BOT_ENTRY?.trim();
  return [process.execPath, '--import', 'tsx', entry || 'src/main.ts'];
}

/** `npx agentsplayground`, minus npx: node runs the package's cli.js directly (one process, faster start). */
function playgroundCommand(): string[] {
  return [process.execPath, require.resolve('@microsoft/m365agentsplayground/cli.js')];
}

function envUser(): DemoUserKey {
  const raw = (process.env.PLAYGROUND_USER ?? '').trim().toLowerCase();
  if (!raw) return DEFAULT_PLAYGROUND_USER;
  if (!isDemoUserKey(raw)) throw new Error(`PLAYGROUND_USER="${raw}" is not one of ${DEMO_USER_KEYS.join(', ')}`);
  return raw;
}

function envChannel(): ExtraChannelKey {
  const raw = (process.env.PLAYGROUND_CHANNEL ?? '').trim().toLowerCase();
  if (!raw) return DEFAULT_PLAYGROUND_CHANNEL;
  const keys = DEMO_TEAM.channels.map((c) => c.key).filter((k) => k !== 'general');
  if (!(keys as string[]).includes(raw)) throw new Error(`PLAYGROUND_CHANNEL="${raw}" is not one of ${keys.join(', ')}`);
  return raw as ExtraChannelKey;
}

export async function startPlayground(opts: StartPlaygroundOptions = {}): Promise<RunningPlayground> {
  const cwd = opts.cwd ?? REPO_ROOT;
  const userKey = opts.user ?? envUser();
  const user = DEMO_USERS[userKey];
  if (!user) throw new Error(`Unknown demo user "${userKey}"`);
  const channel = opts.channel ?? envChannel();
  const botPort = opts.botPort ?? DEFAULT_BOT_PORT;
  const requestedPlaygroundPort = opts.playgroundPort ?? DEFAULT_PLAYGROUND_PORT;
  const configPath = path.resolve(cwd, opts.configPath ?? PLAYGROUND_CONFIG_FILE);
  const logDir = path.resolve(cwd, opts.logDir ?? path.join('.tmp', 'playground'));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const echo = opts.echoOutput ?? false;
  const botCommand = opts.botCommand === undefined ? defaultBotCommand() : opts.botCommand;
  const botUrl = `http://127.0.0.1:${botPort}`;

  mkdirSync(logDir, { recursive: true });
  writePlaygroundConfig(configPath, { user: userKey, channel });

  const children: Child[] = [];
  let stopRequested = false;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopRequested = true;
      process.removeListener('exit', killAllNow);
      // The Playground first (it is the client), then the bot; both groups in parallel is fine too.
      await Promise.all([...children].reverse().map((c) => stopChild(c)));
    })());
  // Last resort if this process dies without calling stop(): do not leave listeners behind.
  const killAllNow = () => {
    for (const c of children) {
      if (c.proc.pid && !c.exited) {
        try {
          process.kill(-c.proc.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  };
  process.once('exit', killAllNow);

  try {
    if (botCommand) {
      if (await isListening(botPort)) {
        throw new Error(`Port ${botPort} is already in use (another bot running?). Stop it, or choose another port (PORT=3979 npm run playground).`);
      }
      const bot = startChild('bot', botCommand, {
        cwd,
        echo,
        logDir,
        env: withoutUndefined({
          ...process.env,
          ...opts.botEnv,
          PORT: String(botPort),
          FIRST_ADMINS: FIRST_ADMIN.aadObjectId,
        }),
      });
      children.push(bot);
      await waitForHttp200(`${botUrl}/healthz`, bot, timeoutMs, opts.signal);
      await seedDemo(withoutUndefined({ ...process.env, ...opts.botEnv }));
    } else {
      const status = await httpStatus(`${botUrl}/healthz`).catch(() => 0);
      if (status !== 200) throw new Error(`No bot answers ${botUrl}/healthz (botCommand: null means one must already run)`);
    }

    const pg = startChild(
      'playground',
      [...playgroundCommand(), '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(requestedPlaygroundPort), '--disable-telemetry'],
      {
        cwd,
        echo,
        logDir,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
          // Otherwise it writes ./devTools/m365agentsplayground.log into the working directory.
          M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'm365agentsplayground.log'),
        },
      },
    );
    children.push(pg);
    const playgroundPort = await waitForPlaygroundPort(pg, timeoutMs, opts.signal);
    const url = `http://localhost:${playgroundPort}`;
    await waitForHttp200(`http://127.0.0.1:${playgroundPort}/`, pg, timeoutMs, opts.signal);
    if (botCommand) {
      // Needs the Playground's port: the binding's conversation reference carries its serviceUrl (its mock connector).
      await bindDemoChannel(withoutUndefined({ ...process.env, ...opts.botEnv }), { channel, serviceUrl: playgroundServiceUrl(playgroundPort) });
    }

    const exited = new Promise<string>((resolve) => {
      for (const c of children) void c.exit.then((why) => !stopRequested && resolve(why));
    });
    return { url, botUrl, botPort, playgroundPort, configPath, logDir, user, exited, stop };
  } catch (err) {
    await stop();
    // The Playground writes config errors to its own log file, not to stdout, when not on a terminal.
    const own = path.join(logDir, 'm365agentsplayground.log');
    if (existsSync(own) && err instanceof Error) {
      const tail = readFileSync(own, 'utf8').split('\n').filter((l) => /error/i.test(l)).slice(-10);
      if (tail.length) err.message += `\n--- errors in ${own} ---\n${tail.join('\n')}`;
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

async function main(): Promise<void> {
  const user = envUser();
  const others = DEMO_USER_KEYS.filter((k) => k !== user);
  const wantedPort = process.env.PLAYGROUND_PORT ? Number(process.env.PLAYGROUND_PORT) : DEFAULT_PLAYGROUND_PORT;
  const aborter = new AbortController();
  let pg: RunningPlayground | undefined;
  let shuttingDown = false;
  const shutdown = (why: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n${why}: stopping the Playground and the bot...`);
    if (!pg) return aborter.abort(); // still starting: startPlayground stops what it started and rejects
    pg.stop().then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  // `on`, not `once`, and from the start: Ctrl-C reaches this process twice (from the terminal and relayed by tsx),
  // and an unhandled SIGINT would kill it without stopping the children.
  process.on('SIGINT', () => shutdown('Ctrl-C', 0));
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));

  console.log(`Starting Social Steward and the Agents Playground as ${DEMO_USERS[user].name} (first start can take a minute)...`);
  try {
    pg = await startPlayground({
      user,
      echoOutput: process.env.PLAYGROUND_QUIET !== '1',
      botPort: process.env.PORT ? Number(process.env.PORT) : DEFAULT_BOT_PORT,
      playgroundPort: wantedPort,
      timeoutMs: 120_000,
      signal: aborter.signal,
    });
  } catch (err) {
    if (aborter.signal.aborted) process.exit(0);
    throw err;
  }
  void pg.exited.then((why) => shutdown(why, 1));

  if (pg.playgroundPort !== wantedPort) console.log(`(port ${wantedPort} was busy, so the Playground chose ${pg.playgroundPort})`);
  console.log(
    `\n>>> Open ${pg.url} - you are ${pg.user.name} (${pg.user.title}). ` +
      `To be someone else, stop (Ctrl-C) and run: PLAYGROUND_USER=${others.join('|')} npm run playground\n`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`Playground failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}

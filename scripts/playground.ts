/**
 * `npm run playground`: Social Steward in the Microsoft 365 Agents Playground (a local Teams client), offline.
 *
 *  1. writes the Playground config (.m365agentsplayground.yml) from scripts/playground/users.ts, with the current
 *     user chosen by PLAYGROUND_USER=pat|dana|ivy|morgan|sam|chris (default morgan, the first admin) and the one
 *     extra team channel chosen by PLAYGROUND_CHANNEL=it-review|city-attorney|mayors-office|post-approval (default it-review);
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
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bindDemoChannel, playgroundServiceUrl, seedDemo } from './playground/seed-demo';
import { writePlaygroundConfig } from './playground/config-file';
import { findFreePort, httpStatus, isListening, startChild, stopChild, waitForHttp200, waitForPlaygroundPort, withoutUndefined, type Child } from './playground/processes';
import {
  DEFAULT_PLAYGROUND_CHANNEL,
  DEFAULT_PLAYGROUND_USER,
  DEMO_TEAM,
  DEMO_USER_KEYS,
  DEMO_USERS,
  FIRST_ADMIN,
  isDemoUserKey,
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

export { findFreePort, httpStatus };

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
        throw new Error(`Port ${botPort} is already in use (another bot running?). Stop it, or choose another port (PORT=3979 npm start).`);
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
      `To be someone else, stop (Ctrl-C) and run: PLAYGROUND_USER=${others.join('|')} npm start\n`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`Playground failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startPlayground, type RunningPlayground, type StartPlaygroundOptions } from '../../scripts/playground';
import { launchBrowser, type BrowserSession } from './playground-driver';

export interface PlaygroundSession {
  playground: RunningPlayground;
  browser: BrowserSession;
  /** The bot's private data folder (its SQLite database), for a test that must set up records first. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real bot and the Agents Playground on free ports with a throwaway data folder, and a fresh Chromium: what
 * every browser test starts from. Config, logs and data are private to the session, and the developer's .env cannot
 * leak in.
 */
export async function startPlaygroundSession(opts: Pick<StartPlaygroundOptions, 'user' | 'channel'> & { timeoutMs?: number }): Promise<PlaygroundSession> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `steward-e2e-${opts.user ?? 'morgan'}-`));
  let playground: RunningPlayground | undefined;
  let browser: BrowserSession | undefined;
  const close = async () => {
    await browser?.close();
    await playground?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    playground = await startPlayground({
      ...opts,
      botPort: await findFreePort(),
      playgroundPort: await findFreePort(),
      configPath: path.join(dataDir, '.m365agentsplayground.yml'),
      logDir: path.join(dataDir, 'logs'),
      botEnv: { DATA_DIR: path.join(dataDir, 'data'), DATABASE_URL: undefined, DOTENV_CONFIG_PATH: '/nonexistent', CITY_WEB_DOMAINS: undefined, LOG_LEVEL: 'warn' },
      timeoutMs: opts.timeoutMs ?? 120_000,
    });
    browser = await launchBrowser();
    return { playground, browser, dataDir: path.join(dataDir, 'data'), close };
  } catch (err) {
    await close();
    throw err;
  }
}

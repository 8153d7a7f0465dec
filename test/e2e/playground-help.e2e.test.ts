/**
 * Browser e2e: the real bot + the Agents Playground + Debian chromium. Types "help" in the personal chat and
 * expects the help Adaptive Card ("Social Steward"); saves test/artifacts/playground-help.png.
 *
 * BOT_ENTRY=/path/to/other-bot.js runs another bot instead of src/main.ts (used to develop this against an echo bot).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startPlayground, type RunningPlayground } from '../../scripts/playground';
import { launchBrowser, PlaygroundPage, type BrowserSession } from './playground-driver';

jest.setTimeout(180_000);

describe('Agents Playground: help', () => {
  let playground: RunningPlayground | undefined;
  let browser: BrowserSession | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-e2e-'));
    playground = await startPlayground({
      user: 'morgan',
      botPort: await findFreePort(),
      playgroundPort: await findFreePort(),
      // Private config and logs: other runs (npm run playground, parallel tests) keep theirs.
      configPath: path.join(dataDir, '.m365agentsplayground.yml'),
      logDir: path.join(dataDir, 'logs'),
      botEnv: {
        DATA_DIR: path.join(dataDir, 'data'),
        DATABASE_URL: undefined,
        DOTENV_CONFIG_PATH: '/nonexistent', // the developer's .env must not leak in
        LOG_LEVEL: 'warn',
      },
      timeoutMs: 90_000,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers "help" with the Social Steward card', async () => {
    const ui = await PlaygroundPage.open(browser!.page, playground!.url);
    const before = await ui.cardCount();
    await ui.sendText('help');
    const card = await ui.waitForCard('Social Steward', { after: before });
    expect(await card.innerText()).toContain('Social Steward');
    const shot = await ui.screenshot('playground-help.png');
    expect(shot).toMatch(/test\/artifacts\/playground-help\.png$/);
  });
});

/**
 * Browser e2e: the real bot + the Agents Playground + Debian chromium. Types "help" in the personal chat and
 * expects the help Adaptive Card ("Social Steward"); saves test/artifacts/playground-help.png.
 *
 * BOT_ENTRY=/path/to/other-bot.js runs another bot instead of src/main.ts (used to develop this against an echo bot).
 */
import { PlaygroundPage } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

jest.setTimeout(180_000);

describe('Agents Playground: help', () => {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'morgan' });
  });
  afterAll(() => session?.close());

  it('answers "help" with the Social Steward card', async () => {
    const ui = await PlaygroundPage.open(session!.browser.page, session!.playground.url);
    const before = await ui.cardCount();
    await ui.sendText('help');
    const card = await ui.waitForCard('Social Steward', { after: before });
    expect(await card.innerText()).toContain('Social Steward');
    const shot = await ui.screenshot('playground-help.png');
    expect(shot).toMatch(/test\/artifacts\/playground-help\.png$/);
  });
});

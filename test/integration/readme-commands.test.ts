import { Harness } from '../harness/bot-harness';
import { cardText } from '../harness/teams-client';
import { readmeCommands } from '../unit/docs/markdown';

// README.md's command table is a promise to staff: each command there, typed as the whole message, must be one the
// bot answers, not one that falls through to "I didn't understand".
const NOT_UNDERSTOOD = "I didn't understand";

describe("the README's command table", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
  });
  afterAll(() => h.stop());

  it('is read from the README (every row, aliases too)', () => {
    expect(readmeCommands()).toEqual(expect.arrayContaining(['help', 'hi', 'request a presence', 'registry', 'grant a role', 'audit']));
  });

  it('tells words it does not know from commands (the check can fail)', async () => {
    const [reply] = await h.user('Morgan Lee').say('request a pony');
    expect(cardText(reply)).toContain(NOT_UNDERSTOOD);
  });

  it.each(readmeCommands())('"%s" is a command the bot answers', async (command) => {
    const replies = await h.user('Morgan Lee').say(command);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(cardText(reply)).not.toContain(NOT_UNDERSTOOD);
  });
});

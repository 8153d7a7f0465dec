import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel, PERSONAL } from '../harness/teams-client';

describe('help and welcome', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
  });
  afterAll(() => h.stop());

  it('welcomes a City employee on install with what they can do', async () => {
    const [welcome] = await h.user('Pat Parker').install();
    expect(cardText(welcome)).toContain('Welcome to Social Steward');
    expect(cardText(welcome)).toContain('Hi Pat Parker');
  });

  it('shows staff only what staff may do, and admins their admin actions', async () => {
    const [staffHelp] = await h.user('Pat Parker').say('help');
    const staffVerbs = cardActions(staffHelp).map((a) => a.verb);
    expect(staffVerbs).toContain('roles.show');
    expect(staffVerbs).not.toContain('audit.show');

    const [adminHelp] = await h.user('Morgan Lee').say('HELP');
    const adminVerbs = cardActions(adminHelp).map((a) => a.verb);
    expect(adminVerbs).toEqual(expect.arrayContaining(['roles.show', 'channels.show', 'audit.show']));
    expect(cardText(adminHelp)).toContain('Your roles: Admin');
  });

  it('answers text it does not understand with the help card', async () => {
    const [reply] = await h.user('Pat Parker').say('what is the weather');
    expect(cardText(reply)).toContain('I didn\'t understand "what is the weather"');
    expect(cardActions(reply).length).toBeGreaterThan(0);
  });

  it('answers an unknown card verb with a clear error, not silence', async () => {
    const res = await h.user('Pat Parker').click({ verb: 'no.such.verb' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(res.body.value.message).toContain('no.such.verb');
  });
});

describe('the Teams command menu (appPackage/manifest.json)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
  });
  afterAll(() => h.stop());

  it('offers only commands the bot answers, in the scope it offers them', async () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8'));
    const lists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> = manifest.bots[0].commandLists;
    for (const list of lists) {
      const place = list.scopes.includes('team') ? { channel: channel('General') } : PERSONAL;
      for (const { title } of list.commands) {
        const [reply] = await h.user('Morgan Lee').say(title, place);
        expect({ title, text: cardText(reply) }).toEqual({ title, text: expect.not.stringContaining("I didn't understand") });
      }
    }
  });
});

import { Harness } from '../harness/bot-harness';
import { cardText } from '../harness/teams-client';
import { spawnBot } from '../harness/child-bot';

describe('authentication', () => {
  it('refuses to start in production without a Bot ID, naming what to set', async () => {
    const bot = spawnBot({ NODE_ENV: 'production', PORT: '0', DATA_DIR: '/tmp/steward-never-created' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('BOT_ID: required in production');
    expect(bot.output()).toContain('CREDENTIAL_KEY: required in production');
    expect(bot.output()).not.toContain('is running');
  });

  describe('with a Bot ID set', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await Harness.start({ env: { BOT_ID: '9f1c2d3e-4b5a-4c6d-8e7f-001122334455', BOT_PASSWORD: 'test-secret-not-real', BOT_TENANT_ID: '0b7e1c2a-5a4e-4d8e-9d55-3f1f6a9c0001' } });
    });
    afterAll(() => h.stop());

    it('answers 401 to a request with no token and runs no turn', async () => {
      const pat = h.user('Pat Parker');
      const res = await pat.post(pat.activity('message', { personal: true }, { text: 'help' }));
      expect(res.status).toBe(401);
      expect(h.connector.calls).toHaveLength(0);
      expect(await h.bot.db.person.count()).toBe(0);
    });

    it('answers 401 to a forged token', async () => {
      const pat = h.user('Pat Parker');
      const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
      const res = await pat.post(pat.activity('message', { personal: true }, { text: 'help' }), { authorization: forged });
      expect(res.status).toBe(401);
      expect(await h.bot.db.person.count()).toBe(0);
    });

    it('never writes the bot password to the log', () => {
      expect(h.logLines.join('\n')).not.toContain('test-secret-not-real');
    });
  });
});

describe('bad input at the HTTP boundary', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  it('answers malformed JSON with 400 and logs it', async () => {
    const res = await fetch(`${h.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect(res.status).toBe(400);
    expect(h.logLines.some((l) => l.includes('request rejected'))).toBe(true);
  });

  it('answers an activity missing required fields with 400 naming them, and keeps serving', async () => {
    const res = await h.user('Pat Parker').post({ type: 'message', text: 'help' });
    expect(res.status).toBe(400);
    expect(res.body.problems.join(' ')).toMatch(/serviceUrl.*conversation.*from/s);
    const empty = await h.user('Pat Parker').post({});
    expect(empty.status).toBe(400);
    const [help] = await h.user('Pat Parker').say('help');
    expect(cardText(help)).toContain('Social Steward');
  });

  it('reports alive and ready', async () => {
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('shutdown', () => {
  it('on SIGTERM finishes, stops the worker and exits 0', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const bot = spawnBot({ NODE_ENV: 'development', PORT: '0', DATA_DIR: mkdtempSync(`${tmpdir()}/steward-term-`), LOG_LEVEL: 'info' });
    await bot.ready;
    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('Social Steward stopped');
    expect(bot.output()).toContain('AUTHENTICATION IS OFF');
  }, 60_000);
});

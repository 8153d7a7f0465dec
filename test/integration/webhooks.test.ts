import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { parksAnswers, setUp } from '../harness/presence-flow';
import { activePresence } from '../harness/post-flow';

type Received = { headers: Record<string, string>; body: string; answered: number };

/** A subscriber's server: records every request and answers with the next planned status (200 once the plan runs out). */
async function receiver(): Promise<{ server: Server; url: string; got: Received[]; plan: number[] }> {
  const got: Received[] = [];
  const plan: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answered = plan.shift() ?? 200;
      got.push({ headers: req.headers as Record<string, string>, body, answered });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/social`, got, plan };
}

const until = async (what: string, ok: () => Promise<boolean> | boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Issue 12: signed webhooks (Standard Webhooks) through the outbox, with retries, order, dead letters and SSRF refusal. */
describe('Signed webhooks for approved posts and registry changes', () => {
  let h: Harness;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let trap: Awaited<ReturnType<typeof receiver>>;
  let morgan: TeamsUser;
  let pat: TeamsUser;
  let secret: string;

  beforeAll(async () => {
    [hook, trap] = await Promise.all([receiver(), receiver()]);
    // The test's receiver is on loopback: an admin allows exactly that host; "localhost" stays refused.
    h = await Harness.start({ admins: ['Morgan Lee'], env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '3000' } });
    await setUp(h);
    [morgan, pat] = [h.user('Morgan Lee'), h.user('Pat Parker')];
  }, 120_000);
  afterAll(async () => {
    await h.stop();
    hook.server.close();
    trap.server.close();
  });

  it('an admin registers a subscriber on the card; the secret is shown once and stored encrypted; others are refused', async () => {
    const forged = await pat.click({ verb: 'webhook.add', url: hook.url, events: 'post.approved' });
    expect(cardText(forged.card)).toContain('Only admins');
    expect(await h.bot.db.webhookSubscriber.count()).toBe(0);

    const bad = await morgan.click({ verb: 'webhook.add', url: 'ftp://example.org/x', events: 'post.approved' });
    expect(cardText(bad.card)).toContain('Use an https:// address');
    expect(await h.bot.db.webhookSubscriber.count()).toBe(0);

    const added = await morgan.click({ verb: 'webhook.add', url: hook.url, events: 'post.approved,post.published,presence.registered,presence.state_changed' });
    secret = /whsec_[A-Za-z0-9+/=]+/.exec(cardText(added.card))![0];
    const row = await h.bot.db.webhookSubscriber.findFirstOrThrow();
    expect(row.secret).not.toContain(secret.slice(6));
    expect(cardText((await morgan.say('webhooks'))[0])).not.toContain(secret);
    expect(await h.bot.db.auditEvent.count({ where: { action: 'webhook.subscribed' } })).toBe(1);
    // Someone without the admin role cannot disable it either.
    await pat.click({ verb: 'webhook.disable', subscriberId: row.id });
    expect((await h.bot.db.webhookSubscriber.findFirstOrThrow()).state).toBe('active');

    const trapAdded = await morgan.click({ verb: 'webhook.add', url: trap.url.replace('http://127.0.0.1', 'https://localhost'), events: 'presence.registered' });
    expect(cardText(trapAdded.card)).toContain('whsec_');
  });

  it('deliveries are signed, retried after a 500 with the same id, in order, with public fields only; loopback is refused', async () => {
    hook.plan.push(500);
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const presence = await activePresence(h, pat, answers);
    let card = (await pat.click({ verb: 'post.new', presenceId: presence.id })).card;
    const postId = cardActions(card).find((a) => a.verb === 'post.step')!.data.postId as string;
    card = (await pat.click({ verb: 'post.step', postId, nav: 'next', text: 'Goodman Pool opens Saturday at noon. https://www.cityofmadison.com/parks', emergency: 'no' })).card;
    await pat.click({ verb: 'post.submit', postId });
    const round = await h.bot.db.postRound.findFirstOrThrow({ where: { postId } });
    await h.user('Dana Reyes').click({ verb: 'post.decide', roundId: round.id, decision: 'approve' });

    await until('two deliveries after one retry', () => hook.got.filter((g) => g.answered === 200).length >= 2);
    const wh = new Webhook(secret);
    const events = hook.got.map((g) => ({ ...(wh.verify(g.body, g.headers) as any), id: g.headers['webhook-id'], answered: g.answered }));
    expect(events.map((e) => [e.type, e.answered])).toEqual([['presence.registered', 500], ['presence.registered', 200], ['post.approved', 200]]);
    expect(events[0].id).toBe(events[1].id);
    expect(events[1].data.presence).toMatchObject({ id: presence.id, account: '@MadisonParks', department: 'Parks Division', state: 'active', address: 'https://www.instagram.com/madisonparks' });
    expect(events[2].data.post).toMatchObject({ id: postId, version: 1, text: 'Goodman Pool opens Saturday at noon. https://www.cityofmadison.com/parks', page: { path: `posts/${postId}/v/1` } });
    for (const g of hook.got) for (const secretWord of ['pw-for-tests', 'Pat Parker', 'staffContact', 'approverId', 'credential']) expect(g.body).not.toContain(secretWord);
    // A forged signature does not verify.
    expect(() => wh.verify(hook.got[2].body.replace('noon', 'midnight'), hook.got[2].headers)).toThrow();

    // The subscriber at https://localhost was never called: it resolves to loopback. Its event is a dead letter.
    await until('the refused delivery to be dead', async () => (await h.bot.db.outboxMessage.count({ where: { kind: 'webhook', status: 'dead' } })) === 1);
    expect(trap.got).toHaveLength(0);
    const dead = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { kind: 'webhook', status: 'dead' } });
    expect(dead.lastError).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1)/);
    const problems = cardText((await morgan.say('delivery problems'))[0]);
    expect(problems).toContain('Webhook to https://localhost');
    expect(problems).toContain('private, loopback or link-local');
  }, 120_000);

  it('a subscriber that refuses an event gets it again from the delivery problems card', async () => {
    hook.plan.push(400);
    const post = await h.bot.db.post.findFirstOrThrow({ where: { status: 'approved' } });
    await pat.click({ verb: 'post.publish', postId: post.id, url: 'https://www.instagram.com/p/abc123' });
    await until('the refused post.published to die', async () => (await h.bot.db.outboxMessage.count({ where: { kind: 'webhook', status: 'dead' } })) === 2);
    const dead = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { kind: 'webhook', status: 'dead', lastError: { contains: '400' } } });
    const card = (await morgan.say('delivery problems'))[0];
    const resend = cardActions(card).find((a) => a.verb === 'delivery.resend' && a.data.outboxId === dead.id)!;
    await pat.click({ verb: 'delivery.resend', outboxId: dead.id });
    expect((await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe('dead');
    await morgan.click({ verb: 'delivery.resend', ...resend.data });
    await until('the redelivery', () => hook.got.filter((g) => g.answered === 200).length === 3);
    const last = hook.got[hook.got.length - 1];
    expect((new Webhook(secret).verify(last.body, last.headers) as any).type).toBe('post.published');
    expect(last.headers['webhook-id']).toBe(dead.id);
  }, 60_000);
});

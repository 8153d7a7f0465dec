import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { aadFor, Harness } from '../harness/bot-harness';
import { FakeConnector } from '../harness/fake-connector';
import { TeamsUser, cardText } from '../harness/teams-client';
import { templateDbPath } from '../harness/template-db';
import { spawnBot } from '../harness/child-bot';
import { createPrisma } from '../../src/store/prisma';

/** Grants Ivy a role, which the bot announces in Ivy's personal chat: a proactive message through the outbox. */
async function grantIvy(admin: TeamsUser, personId: string, role = 'it_reviewer') {
  const res = await admin.click({ verb: 'roles.grant', personId, role });
  expect(cardText(res.card)).toContain('Ivy Tran is now');
}

describe('outbox: proactive messages survive throttling, blocking and crashes', () => {
  let h: Harness;
  let ivy: TeamsUser;
  let ivyId: string;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    ivy = h.user('Ivy Tran');
    await ivy.install();
    ivyId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } })).id;
  });
  afterAll(() => h.stop());

  // Proactive notices only: the welcome reply on install goes to the same chat.
  const toIvy = (c: { conversationId?: string; method: string; body?: any }) => c.conversationId === ivy.personalConversationId() && c.method === 'POST' && typeof c.body?.summary === 'string';

  it('delivers a notice after Teams answers 429 with Retry-After, waiting at least that long', async () => {
    h.connector.script(toIvy, { status: 429, headers: { 'retry-after': '1' } });
    await grantIvy(h.user('Morgan Lee'), ivyId);
    const calls = await h.connector.waitFor(toIvy, { count: 2, timeoutMs: 15_000 });
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1000);
    const latest = () => h.bot.db.outboxMessage.findFirstOrThrow({ where: { conversationKey: ivy.personalConversationId() }, orderBy: { seq: 'desc' } });
    await waitUntil(async () => (await latest()).status !== 'pending');
    expect(await latest()).toMatchObject({ status: 'sent', attempts: 2, deliveredActivityId: expect.stringMatching(/^activity-/) });
  });

  it('retries a 500 and dead-letters a 403 (bot blocked) with the reason, without retrying it', async () => {
    const before = h.connector.calls.filter(toIvy).length;
    h.connector.script(toIvy, { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    await grantIvy(h.user('Morgan Lee'), ivyId, 'city_attorney');
    await h.connector.waitFor(toIvy, { count: before + 1 });
    await waitUntil(async () => (await h.bot.db.outboxMessage.count({ where: { status: 'dead' } })) === 1);
    const dead = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'dead' } });
    expect(dead.lastError).toContain('ConversationBlockedByUser');
    expect(dead.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.connector.calls.filter(toIvy).length).toBe(before + 1);
  });

  it('keeps messages to one conversation in order, even when the first is retried', async () => {
    h.connector.script(toIvy, { status: 500 });
    const grants = await h.bot.db.roleGrant.findMany({ where: { personId: ivyId }, orderBy: { grantedAt: 'asc' } });
    for (const g of grants) await h.user('Morgan Lee').click({ verb: 'roles.revoke', grantId: g.id, confirmed: true });
    await waitUntil(async () => (await h.bot.db.outboxMessage.count({ where: { status: 'pending' } })) === 0, 15_000);
    const delivered = h.connector.calls.filter(toIvy).map((c) => c.body.summary as string).filter((s) => s.includes('was removed'));
    // The first revoke notice failed once with 500 and was retried before the second went out.
    expect(delivered).toEqual(['Your IT reviewer role was removed', 'Your IT reviewer role was removed', 'Your City Attorney role was removed']);
  });
});

describe('outbox: a row left by a killed process is delivered after restart', () => {
  const connector = new FakeConnector();
  let dataDir: string;
  beforeAll(async () => {
    await connector.start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-kill-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
  });
  afterAll(async () => {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGKILL while Teams is not answering, then start again: the new process delivers the notice', async () => {
    const env = { NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, FIRST_ADMINS: aadFor('Morgan Lee'), OUTBOX_POLL_MS: '50', OUTBOX_LEASE_SECONDS: '2', LOG_LEVEL: 'warn' };
    const first = spawnBot(env);
    const url1 = await first.ready;
    const ivy = new TeamsUser('Ivy Tran', aadFor('Ivy Tran'), () => url1, connector);
    const morgan = new TeamsUser('Morgan Lee', aadFor('Morgan Lee'), () => url1, connector);
    await ivy.install();
    const toIvy = (c: { conversationId?: string; method: string; body?: unknown }) => c.conversationId === ivy.personalConversationId() && JSON.stringify(c.body ?? '').includes('You are now');
    connector.script(toIvy, { status: 0, hang: true });

    const form = await morgan.click({ verb: 'roles.grant.start' });
    const ivyChoice = form.card.body.find((e: any) => e.id === 'personId').choices.find((c: any) => c.title === 'Ivy Tran');
    await morgan.click({ verb: 'roles.grant', personId: ivyChoice.value, role: 'it_reviewer' });
    await connector.waitFor(toIvy);
    first.proc.kill('SIGKILL');
    await first.exited;

    const second = spawnBot(env);
    const url2 = await second.ready;
    try {
      await connector.waitFor(toIvy, { count: 2, timeoutMs: 15_000 });
      expect(url2).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    expect(second.output()).not.toContain('turn crashed');
    const db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
    try {
      const rows = await db.outboxMessage.findMany({ where: { conversationKey: ivy.personalConversationId() } });
      expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma } from '../../src/store/prisma';
import { verifyAuditTrail } from '../../src/records/audit';
import { aadFor } from '../harness/bot-harness';
import { spawnBot } from '../harness/child-bot';
import { RemotePeople } from '../harness/remote-people';
import { cardActions, cardText } from '../harness/teams-client';
import { CITY_ATTORNEY, IT_REVIEW, fillRequest, parksAnswers, setUp, waitForCards, approveAsAuthority } from '../harness/presence-flow';
import { templateDbPath } from '../harness/template-db';

/**
 * REQ-4 exactly one decision, and nothing lost, when the process dies in the middle of deciding: 20 Approve clicks
 * race, the bot is SIGKILLed while they are in flight, and a new process takes over on the same database.
 */
describe('SIGKILL during a decision', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-crash-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves one decision, every notice delivered after restart, and an audit chain that verifies', async () => {
    const env = { NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, FIRST_ADMINS: aadFor('Morgan Lee'), OUTBOX_POLL_MS: '50', OUTBOX_LEASE_SECONDS: '2', LOG_LEVEL: 'warn' };
    const first = spawnBot(env);
    const bot = { db: createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`), url: await first.ready };
    const people = new RemotePeople(bot);
    await people.connector.start();
    try {
      const h = people.harness;
      await setUp(h);
      const [pat, ivy] = [people.user('Pat Parker'), people.user('Ivy Tran')];
      const { requestId, summary } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
      const submit = cardActions(summary).find((a) => /submit/i.test(a.title))!;
      await pat.click({ ...submit.data, verb: submit.verb });
      await approveAsAuthority(h, requestId); // REQ-6: the approving authority first
      const [itCard] = await waitForCards(h, IT_REVIEW, 1);
      const approve = cardActions(itCard.card).find((a) => /^approve/i.test(a.title))!;

      // The process dies the moment the decision commits: its notices are still in the outbox, the other clicks in flight.
      const clicks = Array.from({ length: 20 }, () => ivy.click({ ...approve.data, verb: approve.verb }, { channel: IT_REVIEW }).catch(() => undefined));
      const decided = () => bot.db.review.count({ where: { requestId, stage: 'it', status: 'approved' } });
      for (let i = 0; i < 2000 && (await decided()) === 0; i++) await new Promise((r) => setTimeout(r, 2));
      first.proc.kill('SIGKILL');
      await first.exited;
      await Promise.all(clicks);

      const second = spawnBot(env);
      bot.url = await second.ready;
      try {
        const it = async () => bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
        // A late click on the new process gets the card as decided, and decides nothing again.
        const again = await ivy.click({ ...approve.data, verb: approve.verb }, { channel: IT_REVIEW });
        expect(cardText(again.card)).toMatch(/Approved by Ivy Tran/);
        expect((await it()).status).toBe('approved');
        // The approving authority's decision and exactly one IT decision.
        expect(await bot.db.auditEvent.count({ where: { action: 'review.decided', entityId: requestId } })).toBe(2);

        // The City Attorney card and Pat's notice go out from the new process; nothing stays behind.
        await waitForCards(h, CITY_ATTORNEY, 1);
        const deadline = Date.now() + 15_000;
        while ((await bot.db.outboxMessage.count({ where: { status: 'pending' } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(await bot.db.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);
        // At least once: a send Teams accepted just before the kill, but not yet recorded as sent, goes again.
        const attorneyPosts = people.connector.calls.filter((c) => c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === CITY_ATTORNEY.id);
        expect(attorneyPosts.length).toBeGreaterThanOrEqual(1);
        expect(attorneyPosts.length).toBeLessThanOrEqual(2);
        expect(await verifyAuditTrail(bot.db)).toMatchObject({ ok: true });
      } finally {
        second.proc.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
    } finally {
      await bot.db.$disconnect();
      await people.connector.stop();
    }
  }, 90_000);
});

/**
 * `npm run bench`: how fast the outbox delivers a burst, and that it stays within Teams' limits (TEAMS.md):
 * 7 messages per second to one conversation, 50 per second across the tenant. Prints the measured rates; exits 1
 * if a limit was exceeded in any one-second window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/log/logger';
import { startBot } from '../src/server/start';
import { enqueueToPerson } from '../src/notify/outbox';
import { card, title } from '../cards/common/elements';
import { FakeConnector } from '../test/harness/fake-connector';
import { busiestWindow } from './busiest-window';

const ONE_CONVERSATION = 40;
const CONVERSATIONS = 120;

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-bench-'));
  const connector = await new FakeConnector().start();
  const bot = await startBot(loadConfig({ PORT: '0', DATA_DIR: dataDir, OUTBOX_POLL_MS: '20' }), { log: createLogger('silent') });
  try {
    const people = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) => bot.db.person.create({ data: { aadObjectId: `bench-${i}`, name: `Person ${i}` } })),
    );
    for (const [i, p] of people.entries()) {
      const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:bench-${i}`, conversationType: 'personal' }, bot: { id: '28:bot' }, user: { id: `29:${i}` } };
      await bot.db.conversationRef.create({ data: { conversationId: `a:bench-${i}`, kind: 'personal', personId: p.id, reference: JSON.stringify(reference) } });
    }
    const message = { card: card([title('Weekly reminder')]), summary: 'Weekly reminder' };

    // 1. A burst to one conversation.
    let started = Date.now();
    await bot.db.$transaction(async (tx) => {
      for (let i = 0; i < ONE_CONVERSATION; i++) await enqueueToPerson(tx, people[0].id, message);
    });
    bot.worker.kick();
    const one = await connector.waitFor((c) => c.conversationId === 'a:bench-0', { count: ONE_CONVERSATION, timeoutMs: 60_000 });
    const oneSeconds = (Date.now() - started) / 1000;
    const onePeak = busiestWindow(one.map((c) => c.at));

    // 2. One message to each of many conversations (a weekly fan-out).
    const before = connector.calls.length;
    started = Date.now();
    await bot.db.$transaction(async (tx) => {
      for (const p of people) await enqueueToPerson(tx, p.id, message);
    });
    bot.worker.kick();
    await connector.waitFor(() => connector.calls.length - before >= CONVERSATIONS, { timeoutMs: 60_000 });
    const fan = connector.calls.slice(before);
    const fanSeconds = (Date.now() - started) / 1000;
    const fanPeak = busiestWindow(fan.map((c) => c.at));

    console.log(`one conversation: ${ONE_CONVERSATION} messages in ${oneSeconds.toFixed(1)} s (${(ONE_CONVERSATION / oneSeconds).toFixed(1)}/s), busiest second ${onePeak} (limit 7)`);
    console.log(`fan-out: ${CONVERSATIONS} conversations in ${fanSeconds.toFixed(1)} s (${(CONVERSATIONS / fanSeconds).toFixed(1)}/s), busiest second ${fanPeak} (limit 50)`);
    return onePeak <= 7 && fanPeak <= 50 ? 0 : 1;
  } finally {
    await bot.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});

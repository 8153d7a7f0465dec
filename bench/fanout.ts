/**
 * `npm run bench:fanout`: a weekly digest to 5,000 people through the outbox, against a connector that enforces
 * Teams' limits with 429 and Retry-After. Prints the achieved rate as a share of the allowed 50 per second, what was
 * lost or delivered twice, and the busiest one-second window per conversation and for the tenant.
 * BENCH_FANOUT sets the number of people (default 5000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/log/logger';
import { startBot } from '../src/server/start';
import { enqueueToPerson } from '../src/notify/outbox';
import { card, title } from '../cards/common/elements';
import { LimitedConnector } from './fanout/limited-connector';
import { busiestWindow } from './busiest-window';

const PEOPLE = Number(process.env.BENCH_FANOUT ?? 5000);
const TENANT_RATE = 50;

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-bench-fanout-'));
  const connector = await new LimitedConnector().start();
  const bot = await startBot(loadConfig({ PORT: '0', DATA_DIR: dataDir, OUTBOX_POLL_MS: '20', LOG_LEVEL: 'warn' }), { log: createLogger('silent') });
  try {
    const ids = Array.from({ length: PEOPLE }, (_, i) => i);
    await bot.db.person.createMany({ data: ids.map((i) => ({ id: `p-${i}`, aadObjectId: `fanout-${i}`, name: `Person ${i}` })) });
    await bot.db.conversationRef.createMany({
      data: ids.map((i) => ({
        conversationId: `a:fanout-${i}`,
        kind: 'personal',
        personId: `p-${i}`,
        reference: JSON.stringify({ serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:fanout-${i}`, conversationType: 'personal' }, bot: { id: '28:bot' }, user: { id: `29:${i}` } }),
      })),
    });
    const started = Date.now();
    const cpuStart = process.cpuUsage();
    // As the freshness sweep does (src/services/freshness/run-sweep.ts): 25 owners' digests per transaction, a turn of
    // the event loop between them, so the worker starts sending while the rest are still being written.
    for (let i = 0; i < PEOPLE; i += 25) {
      await bot.db.$transaction(async (tx) => {
        for (const n of ids.slice(i, i + 25)) await enqueueToPerson(tx, `p-${n}`, { card: card([title('Your weekly digest')]), summary: `digest-${n}` });
      });
      bot.worker.kick();
      await setImmediate();
    }

    const deadline = started + (PEOPLE / TENANT_RATE) * 3 * 1000 + 60_000;
    const delivered = () => new Set(connector.accepted.map((a) => a.key)).size;
    while (delivered() < PEOPLE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);

    const keys = connector.accepted.map((a) => a.key);
    const unique = new Set(keys);
    const lost = PEOPLE - unique.size;
    const duplicated = keys.length - unique.size;
    const perConversation = new Map<string, number[]>();
    for (const a of connector.accepted) perConversation.set(a.conversationId, [...(perConversation.get(a.conversationId) ?? []), a.at]);
    const busiestConversation = Math.max(...[...perConversation.values()].map((t) => busiestWindow(t)));
    const busiestTenant = busiestWindow(connector.accepted.map((a) => a.at));
    const dead = await bot.db.outboxMessage.count({ where: { status: 'dead' } });
    const share = unique.size / seconds / TENANT_RATE;
    // The same, from the first send to the last: without the enqueueing transaction, which is the bot's work, not Teams'.
    const sendTimes = connector.accepted.map((a) => a.at);
    const sendingSeconds = Math.max(1, Math.max(...sendTimes) - Math.min(...sendTimes)) / 1000;
    const sendingShare = unique.size / sendingSeconds / TENANT_RATE;

    console.log(`\nFan-out, ${new Date().toISOString().slice(0, 10)}: ${PEOPLE} digests to ${PEOPLE} people\n`);
    // CPU per message (enqueue, delivery and this process's fake connector): what load on a shared machine disturbs least.
    const cpuPerMessage = (cpu.user + cpu.system) / 1000 / Math.max(1, unique.size);
    console.log('| people | seconds | delivered/s | share of 50/s | lost | duplicated | dead letters | 429s | busiest 1 s (conversation) | busiest 1 s (tenant) | CPU ms/message | share while sending |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(`| ${PEOPLE} | ${seconds.toFixed(1)} | ${(unique.size / seconds).toFixed(1)} | ${(share * 100).toFixed(0)}% | ${lost} | ${duplicated} | ${dead} | ${connector.throttled} | ${busiestConversation} | ${busiestTenant} | ${cpuPerMessage.toFixed(2)} | ${(sendingShare * 100).toFixed(0)}% |`);
    console.log(`\nTarget: at least 90% of the allowed rate, nothing lost, nothing twice: ${share >= 0.9 && lost === 0 && duplicated === 0 ? 'met' : 'NOT met'}`);
    return lost === 0 && duplicated === 0 ? 0 : 1;
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

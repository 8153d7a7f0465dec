import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxMessage } from '@prisma/client';
import { templateDbPath } from '../harness/template-db';
import { playOutbox } from '../harness/simulated-clock';
import { createPrisma, type Db } from '../../src/store/prisma';
import { createLogger } from '../../src/log/logger';
import { DeliveryError, OutboxWorker, type Sender } from '../../src/notify/outbox-worker';
import { enqueueToChannel, enqueueToPerson, enqueueUpdate } from '../../src/notify/outbox';
import { card, title } from '../../cards/common/elements';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Teams as the worker sees it: answers `failure` until the clock passes `until`, then accepts everything. */
class StormySender implements Sender {
  readonly delivered: string[] = [];
  constructor(
    private readonly clock: { now: number },
    private readonly storm: { until: number; status: number; retryAfterSeconds?: number; only?: (row: OutboxMessage) => boolean },
  ) {}
  async deliver(row: OutboxMessage) {
    const inStorm = this.clock.now < this.storm.until && (this.storm.only?.(row) ?? true);
    if (inStorm) throw new DeliveryError({ kind: 'http', status: this.storm.status, retryAfterSeconds: this.storm.retryAfterSeconds });
    this.delivered.push(JSON.parse(row.activity).summary);
    return { activityId: `act-${row.seq}`, conversationId: row.kind === 'channelPost' ? `${row.conversationKey};messageid=${row.seq}` : undefined };
  }
}

describe('outbox under a Teams throttling storm (simulated clock)', () => {
  let dataDir: string;
  let db: Db;
  // Moved to just after the real time once a test's rows are queued (they are queued at the real time).
  const clock = { now: 0 };
  const message = (summary: string) => ({ card: card([title(summary)]), summary });

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-storm-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
    db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
    const reference = (id: string) => JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', conversation: { id } });
    for (const name of ['Pat', 'Dana', 'Ivy']) {
      const p = await db.person.create({ data: { aadObjectId: `storm-${name}`, name } });
      await db.conversationRef.create({ data: { conversationId: `a:${name}`, kind: 'personal', personId: p.id, reference: reference(`a:${name}`) } });
    }
    await db.channelBinding.create({ data: { purpose: 'it_review', teamId: 't', channelId: '19:it-review', reference: reference('19:it-review'), boundById: 'x' } });
  });
  afterEach(async () => {
    await db.$disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What issue 8 saw die: an IT review card, its decision update and the requester's notice, plus others' notices. */
  async function enqueueWorkday() {
    const people = await db.person.findMany({ orderBy: { name: 'asc' } });
    await db.$transaction(async (tx) => {
      const reviewCard = await enqueueToChannel(tx, 'it_review', message('IT review card'));
      await enqueueUpdate(tx, reviewCard.id, message('IT review card, decided'));
      for (const p of people) for (let i = 1; i <= 4; i++) await enqueueToPerson(tx, p.id, message(`${p.name} notice ${i}`));
    });
    clock.now = Date.now() + 1000;
  }

  function worker(sender: Sender) {
    const log = createLogger('silent');
    return new OutboxWorker(db, sender, log, { pollMs: 1000, leaseSeconds: 60, maxAttempts: 8, retryHours: 1, giveUpHours: 24, conversationSpacingMs: 0, tenantSpacingMs: 0, random: () => 1, now: () => new Date(clock.now) });
  }

  it('a 2-minute storm of 429 (Retry-After 1 s) loses nothing and keeps each conversation in order', async () => {
    await enqueueWorkday();
    const sender = new StormySender(clock, { until: clock.now + 2 * MINUTE, status: 429, retryAfterSeconds: 1 });
    await playOutbox(worker(sender), db, clock, 30 * MINUTE);
    expect(await db.outboxMessage.count({ where: { status: 'pending' } })).toBe(0);
    const rows = await db.outboxMessage.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows).toHaveLength(14);
    // Every head of a conversation was refused about once a second for two minutes, far past the 8-attempt budget.
    expect(rows.filter((r) => r.throttledAttempts > 0).map((r) => r.conversationKey).sort()).toEqual(['19:it-review', 'a:Dana', 'a:Ivy', 'a:Pat']);
    expect(Math.min(...rows.filter((r) => r.throttledAttempts > 0).map((r) => r.attempts))).toBeGreaterThan(100);
    expect(sender.delivered.filter((s) => s.startsWith('IT review'))).toEqual(['IT review card', 'IT review card, decided']);
    expect(sender.delivered.filter((s) => s.startsWith('Pat'))).toEqual(['Pat notice 1', 'Pat notice 2', 'Pat notice 3', 'Pat notice 4']);
  }, 120_000);

  it('an hour-long 500 storm still loses nothing: server errors are retried for at least an hour', async () => {
    await enqueueWorkday();
    const sender = new StormySender(clock, { until: clock.now + 55 * MINUTE, status: 500 });
    await playOutbox(worker(sender), db, clock, 3 * HOUR);
    const rows = await db.outboxMessage.findMany();
    expect(rows.filter((r) => r.status !== 'sent').map((r) => r.lastError)).toEqual([]);
    expect(sender.delivered).toHaveLength(14);
  }, 60_000);

  it('a conversation that fails with 500 for good is dead-lettered only after an hour and 8 attempts, naming why', async () => {
    await enqueueWorkday();
    const sender = new StormySender(clock, { until: Infinity, status: 500, only: (row) => row.conversationKey === 'a:Ivy' });
    const started = clock.now;
    await playOutbox(worker(sender), db, clock, 3 * HOUR);
    const ivy = await db.outboxMessage.findFirstOrThrow({ where: { conversationKey: 'a:Ivy', status: 'dead' } });
    expect(ivy.attempts).toBeGreaterThanOrEqual(8);
    expect(clock.now - started).toBeGreaterThanOrEqual(HOUR);
    expect(ivy.lastError).toMatch(/^gave up after \d+ failed attempts over 1(\.\d)? h: HTTP 500/);
    // Everyone else's messages went out meanwhile.
    expect(sender.delivered.filter((s) => !s.startsWith('Ivy'))).toHaveLength(10);
  }, 60_000);
});

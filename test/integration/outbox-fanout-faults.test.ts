import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxMessage } from '@prisma/client';
import { templateDbPath } from '../harness/template-db';
import { playOutbox } from '../harness/simulated-clock';
import { createPrisma, type Db } from '../../src/store/prisma';
import { createLogger } from '../../src/log/logger';
import { DeliveryError, OutboxWorker, type Sender } from '../../src/notify/outbox-worker';
import { enqueueToPerson } from '../../src/notify/outbox';
import { card, title } from '../../cards/common/elements';

const PEOPLE = 60;
const OUTAGE_MS = 60_000;

/**
 * Teams during a fan-out, on the worker's injected clock. After `outageAfter` accepted sends the connector goes away
 * for 60 s (connection refused). The send that was in flight when it went away is the one case delivery can repeat:
 * Teams accepted it, but its answer never came back, so the worker cannot know and sends it again (at least once).
 * One recipient has blocked the bot: Teams answers 403 for them every time.
 */
class FaultyTeams implements Sender {
  readonly accepted: string[] = [];
  readonly callsFor = new Map<string, number>();
  outageUntil = -1;
  answerLost?: string;
  constructor(
    private readonly clock: { now: number },
    private readonly outageAfter: number,
    private readonly blocked: string,
  ) {}
  async deliver(row: OutboxMessage) {
    const key = JSON.parse(row.activity).summary as string;
    this.callsFor.set(key, (this.callsFor.get(key) ?? 0) + 1);
    if (row.conversationKey === this.blocked) throw new DeliveryError({ kind: 'http', status: 403, code: 'ConversationBlockedByUser' });
    if (this.clock.now < this.outageUntil) throw new DeliveryError({ kind: 'network', message: 'connect ECONNREFUSED' });
    this.accepted.push(key);
    if (this.accepted.length === this.outageAfter && this.outageUntil < 0) {
      this.outageUntil = this.clock.now + OUTAGE_MS;
      this.answerLost = key;
      throw new DeliveryError({ kind: 'network', message: 'no answer from Teams within 15000 ms' });
    }
    return { activityId: `act-${row.seq}` };
  }
}

describe('a fan-out through a 60 s connector outage and a recipient who blocked the bot (simulated clock)', () => {
  let dataDir: string;
  let db: Db;
  // Set after the rows are queued: they are queued at the real time, and the worker's clock starts just after it.
  const clock = { now: 0 };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-fanout-faults-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
    db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
    await db.person.createMany({ data: Array.from({ length: PEOPLE }, (_, i) => ({ id: `p-${i}`, aadObjectId: `faults-${i}`, name: `Person ${i}` })) });
    await db.conversationRef.createMany({
      data: Array.from({ length: PEOPLE }, (_, i) => ({ conversationId: `a:${i}`, kind: 'personal', personId: `p-${i}`, reference: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', conversation: { id: `a:${i}` } }) })),
    });
    // Two messages each (a digest, then a reminder), so order within a conversation is tested through the outage.
    await db.$transaction(async (tx) => {
      for (const n of ['digest', 'reminder']) for (let i = 0; i < PEOPLE; i++) await enqueueToPerson(tx, `p-${i}`, { card: card([title(n)]), summary: `${n} ${i}` });
    }, { timeout: 60_000 });
    clock.now = Date.now() + 1000;
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing, repeats only the send whose answer was lost, and dead-letters the blocked recipient at once', async () => {
    const teams = new FaultyTeams(clock, 25, 'a:7');
    const worker = new OutboxWorker(db, teams, createLogger('silent'), { pollMs: 1000, leaseSeconds: 60, maxAttempts: 8, retryHours: 1, giveUpHours: 24, conversationSpacingMs: 0, tenantSpacingMs: 0, random: () => 1, now: () => new Date(clock.now) });
    const started = clock.now;
    await playOutbox(worker, db, clock, 30 * 60_000);

    // The outage happened mid fan-out and the worker rode it out rather than giving up.
    expect(teams.outageUntil).toBeGreaterThan(started);
    expect(clock.now).toBeGreaterThanOrEqual(teams.outageUntil);
    const rows = await db.outboxMessage.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.filter((r) => r.status === 'pending')).toEqual([]);

    // Everyone else got both messages, digest before reminder.
    const expected = rows.filter((r) => r.conversationKey !== 'a:7').map((r) => JSON.parse(r.activity).summary as string);
    expect(new Set(teams.accepted)).toEqual(new Set(expected));
    for (let i = 0; i < PEOPLE; i++) {
      if (i === 7) continue;
      expect(teams.accepted.filter((k) => k.endsWith(` ${i}`))).toEqual([`digest ${i}`, `reminder ${i}`].flatMap((k) => (k === teams.answerLost ? [k, k] : [k])));
    }
    // Twice only where Teams took the message but its answer was lost in the outage: at least once, not exactly once.
    const twice = teams.accepted.filter((k, i) => teams.accepted.indexOf(k) !== i);
    expect(twice).toEqual([teams.answerLost]);

    // The blocked recipient: each message tried once, then dead with the reason, never retried.
    const blocked = rows.filter((r) => r.conversationKey === 'a:7');
    expect(blocked.map((r) => [r.status, r.attempts])).toEqual([['dead', 1], ['dead', 1]]);
    expect(blocked[0].lastError).toMatch(/HTTP 403 ConversationBlockedByUser.*blocked or removed/);
    expect([teams.callsFor.get('digest 7'), teams.callsFor.get('reminder 7')]).toEqual([1, 1]);
    // Failed network attempts were retried with backoff, not dead-lettered: only the two blocked rows are dead.
    expect(rows.filter((r) => r.status === 'dead')).toHaveLength(2);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThan(3);
  }, 120_000);

  it('a row still queued behind the rate limit when its lease runs out is not claimed again (no double send)', async () => {
    await db.$transaction(async (tx) => {
      for (const i of [1, 2, 3]) await enqueueToPerson(tx, `p-${i}`, { card: card([title('late')]), summary: `late ${i}` });
    });
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const sent: string[] = [];
    const slow: Sender = {
      async deliver(row) {
        await gate;
        sent.push(JSON.parse(row.activity).summary);
        return { activityId: `act-${row.seq}` };
      },
    };
    const worker = new OutboxWorker(db, slow, createLogger('silent'), { pollMs: 1000, leaseSeconds: 1, maxAttempts: 8, retryHours: 1, giveUpHours: 24, conversationSpacingMs: 0, tenantSpacingMs: 0, now: () => new Date(clock.now) });
    expect(await worker.tick(new Date(clock.now))).toBe(3);
    clock.now += 5_000; // every lease has run out while the sends wait
    expect(await worker.tick(new Date(clock.now))).toBe(0);
    open();
    await worker.drain();
    expect(sent.sort()).toEqual(['late 1', 'late 2', 'late 3']);
  });
});

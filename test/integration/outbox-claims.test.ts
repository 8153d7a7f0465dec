import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxMessage } from '@prisma/client';
import { createLogger } from '../../src/log/logger';
import { OutboxWorker, type Sender } from '../../src/notify/outbox-worker';
import { createPrisma, type Db } from '../../src/store/prisma';
import { freshTestDatabase, testDatabaseKind, type TestDatabase } from '../harness/test-database';

/**
 * Outbox rows are claimed with a lease (a guarded update), so workers in different processes never send the same
 * row and a conversation's rows still go in order. Here three workers run with no sender lease, all claiming at once.
 */
describe('outbox claims across workers', () => {
  let dir: string;
  let database: TestDatabase;
  const clients: Db[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-claims-'));
    database = await freshTestDatabase(dir);
    // PostgreSQL: a client per worker, as separate processes have; SQLite serves one process, so one shared client.
    const shared = createPrisma(database.url);
    for (let i = 0; i < 3; i++) clients.push(testDatabaseKind() === 'postgres' && i > 0 ? createPrisma(database.url) : shared);
  });
  afterAll(async () => {
    for (const c of new Set(clients)) await c.$disconnect();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers each of 60 rows exactly once, in order within each conversation', async () => {
    const db = clients[0];
    for (let i = 0; i < 60; i++) {
      await db.outboxMessage.create({ data: { conversationKey: `conv-${i % 6}`, kind: 'send', reference: '{}', activity: JSON.stringify({ n: i }) } });
    }
    const delivered: Array<{ worker: number; row: OutboxMessage }> = [];
    const workers = clients.map((c, w) => {
      const sender: Sender = {
        deliver: async (row) => {
          delivered.push({ worker: w, row });
          await new Promise((r) => setTimeout(r, 5));
          return { activityId: `a-${row.seq}` };
        },
      };
      return new OutboxWorker(c, sender, createLogger('silent'), { pollMs: 20, leaseSeconds: 30, maxAttempts: 3, retryHours: 1, giveUpHours: 24, conversationSpacingMs: 0, tenantSpacingMs: 0 });
    });
    workers.forEach((w) => w.start());
    const deadline = Date.now() + 20_000;
    while ((await db.outboxMessage.count({ where: { status: 'pending' } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(workers.map((w) => w.stop()));

    const seqs = delivered.map((d) => d.row.seq);
    expect(seqs).toHaveLength(60);
    expect(new Set(seqs).size).toBe(60);
    for (let k = 0; k < 6; k++) {
      const order = delivered.filter((d) => d.row.conversationKey === `conv-${k}`).map((d) => d.row.seq);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(60);
    // The work was shared: the exactly-once above was a race, not one worker doing everything.
    expect(new Set(delivered.map((d) => d.worker)).size).toBeGreaterThan(1);
  });
});

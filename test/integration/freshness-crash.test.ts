import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type Db } from '../../src/store/prisma';
import { seedDepartments } from '../../src/store/seed';
import { verifyAuditTrail } from '../../src/records/audit';
import { spawnBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import { templateDbPath } from '../harness/template-db';

const OWNERS = 150;
const DAY = 86_400_000;

/** Many owners, each with one presence idle for 40 days and a personal chat that reaches the (slow) connector. */
async function seedOwners(db: Db, connectorUrl: string): Promise<string[]> {
  await seedDepartments(db);
  const department = await db.department.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const ids = Array.from({ length: OWNERS }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const wentLive = new Date(Date.now() - 40 * DAY);
  await db.person.createMany({ data: ids.map((id, i) => ({ id, aadObjectId: `aad-owner-${i}`, teamsUserId: `29:owner-${i}`, name: `Owner ${i}` })) });
  await db.presenceRequest.createMany({ data: ids.map((id) => ({ id, requesterId: id, status: 'approved' })) });
  await db.presence.createMany({ data: ids.map((id, i) => ({ requestId: id, departmentId: department.id, platform: 'facebook', handle: `@owner${i}`, state: 'active', record: '{}', ownerId: id, noticeConfirmedAt: wentLive })) });
  await db.conversationRef.createMany({
    data: ids.map((id) => ({ conversationId: `a:${id}`, kind: 'personal', personId: id, reference: JSON.stringify({ serviceUrl: connectorUrl, conversation: { id: `a:${id}` }, bot: { id: '28:bot' }, user: { id: `29:${id}` }, channelId: 'msteams' }) })),
  });
  return ids;
}

/**
 * FRESH-1, issue 13: a real bot process is SIGKILLed in the middle of the weekly sweep (many owners, a slow
 * connector, deliveries in flight), and a restarted one finishes it: every owner gets exactly one digest.
 */
describe('SIGKILL during the weekly sweep', () => {
  let dataDir: string;
  const connector = new FakeConnector();
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-sweep-crash-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
    await connector.start();
    connector.latencyMs = 40;
  });
  afterAll(async () => {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a restarted process resumes after the cursor: one digest row, one outbox row and one delivery per owner', async () => {
    const db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
    try {
      const owners = await seedOwners(db, connector.url);
      // The schedule is due every second, so the sweep starts as soon as the process is up.
      const env = { NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, OUTBOX_POLL_MS: '50', LOG_LEVEL: 'warn', FRESHNESS_SWEEP_CRON: '* * * * * *' };
      const first = spawnBot(env);
      await first.ready;
      const digests = () => db.freshnessDigest.count();
      // Killed once two commits of owners (25 each) are in: the sweep is part-way, its lease still held.
      const killBy = Date.now() + 90_000;
      while ((await digests()) < 50 && Date.now() < killBy) await new Promise((r) => setTimeout(r, 5));
      first.proc.kill('SIGKILL');
      await first.exited;
      const atKill = await digests();
      const sweep = await db.freshnessSweep.findFirstOrThrow();
      // Killed part-way: some owners committed, not all, the week not finished.
      expect({ atKill, finished: sweep.finishedAt }).toEqual({ atKill: expect.any(Number), finished: null });
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(OWNERS);

      // The dead process's lease lapses (5 minutes in production); the next process claims the week and resumes.
      await db.jobLock.updateMany({ where: { name: `freshness-sweep:${sweep.weekKey}` }, data: { lockedUntil: new Date(0) } });
      const second = spawnBot(env);
      await second.ready;
      try {
        const deadline = Date.now() + 120_000;
        const settled = async () => (await db.freshnessSweep.findFirstOrThrow()).finishedAt !== null && (await db.outboxMessage.count({ where: { status: 'pending' } })) === 0;
        while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        expect(await settled()).toBe(true);

        // Exactly one digest per owner in the records, and one message per owner in the outbox, all sent.
        const rows = await db.freshnessDigest.findMany({ select: { ownerId: true } });
        expect(rows.map((r) => r.ownerId).sort()).toEqual([...owners].sort());
        const queued = await db.outboxMessage.findMany({ where: { activity: { contains: 'need a look' } }, select: { conversationKey: true, status: true } });
        expect(queued).toHaveLength(OWNERS);
        expect(new Set(queued.map((q) => q.conversationKey)).size).toBe(OWNERS);
        expect(queued.every((q) => q.status === 'sent')).toBe(true);
        expect(await db.freshnessNudge.count()).toBe(OWNERS);

        // At the connector: every owner got the digest; a second copy only where the kill cut the first one's answer
        // off (the outbox is at least once, ADR 0001), never for a digest Teams had answered.
        const calls = connector.calls.filter((c) => c.method === 'POST' && /need a look/.test(c.body?.summary ?? ''));
        const byOwner = new Map<string, typeof calls>();
        for (const c of calls) byOwner.set(c.conversationId!, [...(byOwner.get(c.conversationId!) ?? []), c]);
        expect(byOwner.size).toBe(OWNERS);
        const twice = [...byOwner.values()].filter((cs) => cs.length > 1);
        for (const cs of twice) expect(cs.filter((c) => c.status === 200)).toHaveLength(1);
        for (const cs of twice) expect(cs.some((c) => c.cutOff)).toBe(true);
        expect(calls.filter((c) => c.status === 200)).toHaveLength(OWNERS);
        expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
      } finally {
        second.proc.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
    } finally {
      await db.$disconnect();
    }
  }, 300_000);
});

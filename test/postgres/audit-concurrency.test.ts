import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendAudit, verifyAuditTrail } from '../../src/records/audit';
import { createPrisma, TX_OPTIONS, type Db } from '../../src/store/prisma';
import { freshTestDatabase, type TestDatabase } from '../harness/test-database';
import { saveStep } from '../../src/services/engines/guided-flow';
import { requestFlow } from '../../src/services/presence/request-flow';

/** REC-1: two processes (two clients, each with its own pools of connections) appending to one chain at once. */
describe('REC-1 audit appends from two processes on PostgreSQL', () => {
  let dir: string;
  let database: TestDatabase;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-audit-'));
    database = await freshTestDatabase(dir);
    [a, b] = [createPrisma(database.url), createPrisma(database.url)];
  });
  afterAll(async () => {
    await a.$disconnect();
    await b.$disconnect();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('100 concurrent appends all commit, numbered 1..100, and the chain verifies', async () => {
    const appends = Array.from({ length: 100 }, (_, i) =>
      (i % 2 ? a : b).$transaction(
        (tx) => appendAudit(tx, { actor: { personId: null, name: `process ${i % 2 ? 'A' : 'B'}` }, action: 'test.append', entityType: 'Test', entityId: String(i) }),
        TX_OPTIONS,
      ),
    );
    const results = await Promise.allSettled(appends);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const seqs = (await a.auditEvent.findMany({ select: { seq: true }, orderBy: { seq: 'asc' } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await verifyAuditTrail(b)).toEqual({ ok: true, count: 100, lastHash: expect.any(String) });
  });

  it('an append whose transaction rolls back leaves no trace and does not hold up the next', async () => {
    const before = await a.auditEvent.count();
    await expect(
      a.$transaction(async (tx) => {
        await appendAudit(tx, { actor: { personId: null, name: 'A' }, action: 'test.rolledBack', entityType: 'Test', entityId: 'x' });
        throw new Error('the change failed');
      }, TX_OPTIONS),
    ).rejects.toThrow('the change failed');
    await b.$transaction((tx) => appendAudit(tx, { actor: { personId: null, name: 'B' }, action: 'test.after', entityType: 'Test', entityId: 'y' }), TX_OPTIONS);
    expect(await a.auditEvent.count()).toBe(before + 1);
    expect((await verifyAuditTrail(a)).ok).toBe(true);
  });

  it('guided-flow saves through the driver and Prisma appends, from both processes, keep one chain; no save loses another', async () => {
    const person = await a.person.create({ data: { aadObjectId: 'aad-rae-driver', name: 'Rae Quist' } });
    const rae = { personId: person.id, aadObjectId: person.aadObjectId, name: person.name, roles: [] };
    const services = (db: Db) => ({ db, now: () => new Date('2026-05-02T09:30:00Z') });
    // Each draft gets four saves at once, each of another step's field: a save that read the row before another
    // committed would write its own answers over that one's (the row is locked FOR UPDATE, so none does).
    const fields = [[1, 'handle'], [2, 'purpose'], [3, 'staffTitle'], [4, 'dataLocation']] as const;
    const drafts = await Promise.all(Array.from({ length: 5 }, () => a.presenceRequest.create({ data: { requesterId: person.id, status: 'draft' } })));
    const before = await a.auditEvent.count();
    const results = await Promise.allSettled([
      ...drafts.flatMap((req, d) => fields.map(([step, field], i) => saveStep(requestFlow([]), services((d + i) % 2 ? a : b), rae, { id: req.id, step, nav: 'save', values: { [field]: `${field} ${d}` } }))),
      ...Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).$transaction((tx) => appendAudit(tx, { actor: { personId: null, name: 'P' }, action: 'test.between', entityType: 'Test', entityId: String(i) }), TX_OPTIONS)),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const [d, req] of drafts.entries()) {
      const after = await b.presenceRequest.findUniqueOrThrow({ where: { id: req.id } });
      expect(JSON.parse(after.answers)).toEqual(Object.fromEntries(fields.map(([, field]) => [field, `${field} ${d}`])));
      expect(after.version).toBe(5);
      expect(after.updatedAt.toISOString()).toBe('2026-05-02T09:30:00.000Z');
    }
    expect(await a.auditEvent.count()).toBe(before + 40);
    expect((await verifyAuditTrail(b)).ok).toBe(true);
  });

  it('a driver connection the server ends while idle is replaced: the process carries on and the next save works', async () => {
    const person = await a.person.create({ data: { aadObjectId: 'aad-pat-driver', name: 'Pat Parker' } });
    const pat = { personId: person.id, aadObjectId: person.aadObjectId, name: person.name, roles: [] };
    const req = await a.presenceRequest.create({ data: { requesterId: person.id, status: 'draft' } });
    const save = (handle: string) => saveStep(requestFlow([]), { db: b, now: () => new Date() }, pat, { id: req.id, step: 1, nav: 'save', values: { handle } });
    await save('@Before');
    // As a server restart or an idle timeout would: every other connection to this database is ended, the driver
    // pool's idle one among them.
    await a.$queryRawUnsafe('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await new Promise((r) => setTimeout(r, 200));
    await save('@After');
    expect(JSON.parse((await a.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).answers).handle).toBe('@After');
  });
});

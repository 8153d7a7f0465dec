import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type Db } from '../../src/store/prisma';
import { holdLease, releaseLease } from '../../src/store/job-lease';
import { freshTestDatabase, testDatabaseKind, type TestDatabase } from '../harness/test-database';

/** The lease that lets one process at a time send the outbox (and, later, run scheduled sweeps). */
describe('job leases claimed through the database', () => {
  let dir: string;
  let database: TestDatabase;
  const clients: Db[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-lease-'));
    database = await freshTestDatabase(dir);
    // On PostgreSQL, separate clients with their own connections, as separate processes have. SQLite serves one
    // process (docs/decisions/0002-sqlite-first.md): there the holders share its one client, still asking at once.
    const shared = createPrisma(database.url);
    for (let i = 0; i < 4; i++) clients.push(testDatabaseKind() === 'postgres' && i > 0 ? createPrisma(database.url) : shared);
  });
  afterAll(async () => {
    for (const c of new Set(clients)) await c.$disconnect();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes to exactly one of many processes asking at once, the first time and after it expires', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const first = await Promise.all(clients.map((c, i) => holdLease(c, 'sweep', `p${i}`, 10_000, now)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const winner = first.indexOf(true);

    const stillHeld = await Promise.all(clients.map((c, i) => holdLease(c, 'sweep', `p${i}`, 10_000, new Date(now.getTime() + 5_000))));
    expect(stillHeld.indexOf(true)).toBe(winner);
    expect(stillHeld.filter(Boolean)).toHaveLength(1);

    const afterExpiry = new Date(now.getTime() + 5_000 + 10_001);
    const others = clients.map((c, i) => ({ c, i })).filter(({ i }) => i !== winner);
    const second = await Promise.all(others.map(({ c, i }) => holdLease(c, 'sweep', `p${i}`, 10_000, afterExpiry)));
    expect(second.filter(Boolean)).toHaveLength(1);
    expect(await holdLease(clients[winner], 'sweep', `p${winner}`, 10_000, afterExpiry)).toBe(false);
  });

  it('is free for another process at once when its holder releases it', async () => {
    expect(await holdLease(clients[0], 'sender', 'a', 60_000)).toBe(true);
    expect(await holdLease(clients[1], 'sender', 'b', 60_000)).toBe(false);
    await releaseLease(clients[0], 'sender', 'a');
    expect(await holdLease(clients[1], 'sender', 'b', 60_000)).toBe(true);
    // Releasing a lease one no longer holds changes nothing.
    await releaseLease(clients[0], 'sender', 'a');
    expect(await holdLease(clients[0], 'sender', 'a', 60_000)).toBe(false);
  });
});

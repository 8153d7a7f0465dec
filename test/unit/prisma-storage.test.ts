import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type Db } from '../../src/store/prisma';
import { PrismaStorage } from '../../src/store/prisma-storage';
import { freshTestDatabase, type TestDatabase } from '../harness/test-database';

describe('bot state storage honours eTags (TEAMS.md)', () => {
  let dir: string;
  let database: TestDatabase;
  let db: Db;
  let other: Db;
  let storage: PrismaStorage;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-storage-'));
    // SQLite, or PostgreSQL with TEST_DATABASE=postgres: eTags must hold on both.
    database = await freshTestDatabase(dir);
    db = createPrisma(database.url);
    // A second client with its own connections stands for a second bot process.
    other = createPrisma(database.url);
    storage = new PrismaStorage(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    await other.$disconnect();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of two processes write over the same eTag', async () => {
    await storage.write({ race: { step: 1 } });
    const seen = (await storage.read(['race'])).race;
    const results = await Promise.allSettled([
      storage.write({ race: { ...seen, step: 2, by: 'first' } }),
      new PrismaStorage(other).write({ race: { ...seen, step: 2, by: 'second' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0].status === 'fulfilled' ? 'first' : 'second';
    expect((await storage.read(['race'])).race).toMatchObject({ step: 2, by: winner });
  });

  it('writes, reads back with a new eTag, and refuses a write with a stale eTag', async () => {
    await storage.write({ k: { step: 1 } });
    const first = (await storage.read(['k'])).k;
    expect(first).toMatchObject({ step: 1, eTag: expect.any(String) });
    await storage.write({ k: { ...first, step: 2 } });
    const second = (await storage.read(['k'])).k;
    expect(second.eTag).not.toBe(first.eTag);
    await expect(storage.write({ k: { ...first, step: 3 } })).rejects.toThrow('Storage: error writing "k" due to eTag conflict.');
    expect((await storage.read(['k'])).k.step).toBe(2);
  });

  it('treats "*" as overwrite, and delete as idempotent', async () => {
    await storage.write({ k: { step: 9, eTag: '*' } });
    expect((await storage.read(['k'])).k.step).toBe(9);
    await storage.delete(['k']);
    await storage.delete(['k']);
    expect(await storage.read(['k'])).toEqual({});
  });
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type Db } from '../../src/store/prisma';
import { PrismaStorage } from '../../src/store/prisma-storage';
import { templateDbPath } from '../harness/template-db';

describe('bot state storage honours eTags (TEAMS.md)', () => {
  let dir: string;
  let db: Db;
  let storage: PrismaStorage;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-storage-'));
    copyFileSync(templateDbPath(), path.join(dir, 'db.sqlite'));
    db = createPrisma(`file:${path.join(dir, 'db.sqlite')}`);
    storage = new PrismaStorage(db);
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
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

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applySqliteMigrations } from '../../src/store/migrate-sqlite';
import { MigrationFailed, type MigrationFile } from '../../src/store/migration-files';

const file = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: `sum-${name}` });
let n = 0;
const id = () => `id-${++n}`;

describe('applying SQLite migrations', () => {
  let dir: string;
  let url: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'steward-migrate-'));
    url = `file:${path.join(dir, 'db.sqlite')}`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const history = () => {
    const db = new Database(path.join(dir, 'db.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name').all();
    } finally {
      db.close();
    }
  };

  it('applies each pending migration once and records it as Prisma does', () => {
    const first = file('001_a', 'CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);');
    expect(applySqliteMigrations(url, [first], id)).toEqual(['001_a']);
    const second = file('002_b', 'CREATE TABLE "B" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "B" ("id") VALUES (\'x\');');
    expect(applySqliteMigrations(url, [first, second], id)).toEqual(['002_b']);
    expect(applySqliteMigrations(url, [first, second], id)).toEqual([]);
    expect(history()).toEqual([{ migration_name: '001_a', checksum: 'sum-001_a' }, { migration_name: '002_b', checksum: 'sum-002_b' }]);
  });

  it('rolls a failing migration back whole, says which, and keeps the ones before it', () => {
    const good = file('001_a', 'CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);');
    const bad = file('002_bad', 'CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "Missing" ADD COLUMN "x" TEXT;');
    expect(() => applySqliteMigrations(url, [good, bad], id)).toThrow(MigrationFailed);
    expect(() => applySqliteMigrations(url, [good, bad], id)).toThrow(/migration 002_bad failed and was rolled back.*no such table: Missing/);
    expect(history()).toEqual([{ migration_name: '001_a', checksum: 'sum-001_a' }]);
    const db = new Database(path.join(dir, 'db.sqlite'), { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'Half'").all()).toEqual([]);
    db.close();
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PG_SCHEMA, postgresDrift, ROOT, SQLITE_MIGRATIONS, SQLITE_SCHEMA } from '../../scripts/postgres/postgres-files';
import { translateMigration } from '../../scripts/postgres/translate-migration';

/**
 * prisma/postgres is generated from the SQLite schema and migrations (npm run db:pg:generate). This fails when
 * one side changed without the other: after adding a SQLite migration, or merging one, run the generator.
 */
describe('PostgreSQL schema and migrations stay in step with SQLite', () => {
  it('prisma/postgres is exactly what npm run db:pg:generate writes', () => {
    expect(postgresDrift()).toEqual([]);
  });

  describe('the check itself', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'steward-drift-'));
      cpSync(path.join(ROOT, 'prisma'), path.join(root, 'prisma'), { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const addColumn = (file: string) => {
      const full = path.join(root, file);
      writeFileSync(full, readFileSync(full, 'utf8').replace('model JobLock {\n', 'model JobLock {\n  extra String?\n'));
    };

    it('fails when a column is added to the SQLite schema only', () => {
      expect(postgresDrift(root)).toEqual([]);
      addColumn(SQLITE_SCHEMA);
      expect(postgresDrift(root)).toEqual([`${PG_SCHEMA} differs from what ${SQLITE_SCHEMA} and ${SQLITE_MIGRATIONS} give`]);
    });

    it('fails when a column is added to the PostgreSQL schema only', () => {
      addColumn(PG_SCHEMA);
      expect(postgresDrift(root)).toHaveLength(1);
    });

    it('fails when a SQLite migration has no PostgreSQL twin yet', () => {
      mkdirSync(path.join(root, SQLITE_MIGRATIONS, '29990101000000_extra'));
      writeFileSync(path.join(root, SQLITE_MIGRATIONS, '29990101000000_extra', 'migration.sql'), 'ALTER TABLE "JobLock" ADD COLUMN "extra" TEXT;\n');
      expect(postgresDrift(root)).toEqual(['prisma/postgres/migrations/29990101000000_extra/migration.sql is missing']);
    });
  });
});

describe('translating a SQLite migration to PostgreSQL', () => {
  it('maps SQLite column types to the ones Prisma uses on PostgreSQL', () => {
    const sql = 'CREATE TABLE "T" (\n    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "n" REAL,\n    "b" BLOB\n);';
    expect(translateMigration('m', sql, 'o.sql')).toBe(
      'CREATE TABLE "T" (\n    "seq" SERIAL NOT NULL PRIMARY KEY,\n    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "n" DOUBLE PRECISION,\n    "b" BYTEA\n);',
    );
  });

  it('refuses a SQLite table rebuild and names the hand-written file to add instead', () => {
    const rebuild = '-- RedefineTables\nPRAGMA foreign_keys=OFF;\nCREATE TABLE "new_T" ("id" TEXT NOT NULL PRIMARY KEY);';
    expect(() => translateMigration('20300101_change', rebuild, 'prisma/postgres/overrides/20300101_change.sql')).toThrow(
      /20300101_change: SQLite-only SQL .*prisma\/postgres\/overrides\/20300101_change\.sql/,
    );
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from './dialect';
import { projectRoot } from '../config/project-root';

const ROOT = projectRoot(__dirname);

/** SQLite's migrations are written by hand (Prisma's migrate diff); PostgreSQL's are generated from them. */
export const MIGRATIONS_DIRS: Record<Dialect, string> = {
  sqlite: path.join(ROOT, 'prisma', 'migrations'),
  postgres: path.join(ROOT, 'prisma', 'postgres', 'migrations'),
};

export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 of the file, as Prisma records it, so Prisma's own `migrate deploy` would agree on what is applied. */
  checksum: string;
}

/** Prisma's own advisory lock id, so our runner and a native `prisma migrate deploy` also exclude each other. */
export const MIGRATION_LOCK_ID = 72707369;

const loaded = new Map<Dialect, MigrationFile[]>();

/** The migrations this code ships, read once: /readyz asks on every probe, and they cannot change while it runs. */
export function migrationFiles(dialect: Dialect): MigrationFile[] {
  let files = loaded.get(dialect);
  if (!files) loaded.set(dialect, (files = readMigrationFiles(MIGRATIONS_DIRS[dialect])));
  return files;
}

function readMigrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationFailed extends Error {
  constructor(name: string, cause: unknown) {
    super(`migration ${name} failed and was rolled back, so the database is as it was before it: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationFailed';
  }
}

import { execFile } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from './prisma';
import { projectRoot } from '../config/project-root';

const run = promisify(execFile);
const ROOT = projectRoot(__dirname);
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Names of migrations in prisma/migrations not yet applied to this database. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  let applied: string[] = [];
  try {
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    // No _prisma_migrations table yet: a brand-new database.
  }
  return migrationNames().filter((m) => !applied.includes(m));
}

/** Applies pending migrations with Prisma's own CLI (JS engine; see prisma.config.ts), so start-up needs no step by hand. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const cli = require.resolve('prisma/build/index.js');
  await run(process.execPath, [cli, 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });
}

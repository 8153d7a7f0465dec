import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import { dialectOf } from './dialect';
import { migrationFiles } from './migration-files';
import { applySqliteMigrations } from './migrate-sqlite';
import { applyPostgresMigrations } from './migrate-postgres';
import { dialectOfClient, type Db } from './prisma';

/** Names of migrations not yet applied to this database (all of them for a brand-new one). */
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
  return migrationFiles(dialectOfClient(db))
    .map((m) => m.name)
    .filter((m) => !applied.includes(m));
}

/**
 * `npm run db:migrate` and MIGRATE_ON_START: applies the pending migrations of this database's kind, each once,
 * however many processes ask at the same time. Returns the names it applied (none when another process had).
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const dialect = dialectOf(databaseUrl);
  const files = migrationFiles(dialect);
  return dialect === 'sqlite' ? applySqliteMigrations(databaseUrl, files, randomUUID) : applyPostgresMigrations(databaseUrl, files, randomUUID);
}

export class PendingMigrations extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database lacks ${pending.length} migration(s): ${pending.join(', ')}. Apply them first with ` +
        '`npm run db:migrate` (same DATABASE_URL), or set MIGRATE_ON_START=true to let the bot apply them as it starts.',
    );
    this.name = 'PendingMigrations';
  }
}

/** At start: apply what is pending when allowed, or refuse to run on a database older than the code. */
export async function ensureMigrated(db: Db, databaseUrl: string, opts: { migrateOnStart: boolean; log: Logger }): Promise<void> {
  const pending = await pendingMigrations(db);
  if (!pending.length) return;
  if (!opts.migrateOnStart) throw new PendingMigrations(pending);
  opts.log.info({ pending }, 'applying database migrations');
  const applied = await applyMigrations(databaseUrl);
  opts.log.info({ applied }, applied.length ? 'database migrations applied' : 'another process applied the migrations');
}

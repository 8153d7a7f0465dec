import { Client } from 'pg';
import { MIGRATION_LOCK_ID, MigrationFailed, type MigrationFile } from './migration-files';

// Prisma's own table, so a native `prisma migrate deploy` (where the engine can be downloaded) sees the same history.
const HISTORY = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
  migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`;

/**
 * Applies pending migrations under a session advisory lock, each in its own transaction with its history row, so
 * several processes starting at once (or a deploy step racing a replica) apply each migration exactly once: the
 * second waits for the lock, then finds nothing left to do. Prisma's JS engine cannot run `migrate deploy` on
 * PostgreSQL (STACK.md), hence pg directly.
 */
export async function applyPostgresMigrations(databaseUrl: string, files: MigrationFile[], id: () => string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(HISTORY);
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(rows.map((r) => r.migration_name));
    for (const file of files.filter((f) => !done.has(f.name))) {
      await client.query('BEGIN');
      try {
        const started = new Date();
        // No parameters: pg sends it as a simple query, so a file of many statements runs as written.
        await client.query(file.sql);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
          [id(), file.checksum, file.name, started],
        );
        await client.query('COMMIT');
        applied.push(file.name);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationFailed(file.name, err);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

import Database from 'better-sqlite3';
import { sqliteFile } from './dialect';
import { MigrationFailed, type MigrationFile } from './migration-files';

// Prisma's own table, so a database migrated by either keeps one history.
const HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

/**
 * Applies each pending migration in its own IMMEDIATE transaction (SQLite's write lock), checking again inside it,
 * so two processes starting at once apply each migration once. Foreign keys are off while a migration runs, as
 * Prisma's table rebuilds need, and checked before it commits.
 */
export function applySqliteMigrations(databaseUrl: string, files: MigrationFile[], id: () => string): string[] {
  const db = new Database(sqliteFile(databaseUrl));
  const applied: string[] = [];
  try {
    db.pragma('busy_timeout = 30000');
    db.exec(HISTORY);
    db.pragma('foreign_keys = OFF');
    const done = db.prepare('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const record = db.prepare(
      'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
    );
    for (const file of files) {
      db.exec('BEGIN IMMEDIATE');
      try {
        if (done.get(file.name)) {
          db.exec('ROLLBACK');
          continue;
        }
        const started = new Date().toISOString();
        db.exec(file.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`${broken.length} rows break a foreign key`);
        record.run(id(), file.checksum, new Date().toISOString(), file.name, started);
        db.exec('COMMIT');
        applied.push(file.name);
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw new MigrationFailed(file.name, err);
      }
    }
  } finally {
    db.close();
  }
  return applied;
}

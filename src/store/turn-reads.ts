import Database from 'better-sqlite3';
import type { Pool } from 'pg';

/**
 * The reads every turn makes, straight through the database driver instead of Prisma's client engine: a Prisma query
 * costs several hundred microseconds of CPU in its compiler and interpreter, a prepared statement a few dozen
 * (docs/decisions/0008-turn-cost.md). Read-only, always fresh (no cache here): what the caller remembers between
 * turns is checked against these reads.
 */
export interface TurnReads {
  /** AuthVersion.version: changes in the same transaction as any role grant, revoke or person change. */
  authVersion(): Promise<number>;
  /** Every Department id (departments and subunits): a request's department answer is checked against them. */
  departmentIds(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * SQLite: a second connection of this process to the same file. In WAL mode (sqlite-settings.ts) it reads the last
 * committed state without waiting for Prisma's connection, and each statement sees every commit before it.
 */
export function sqliteReads(file: string): TurnReads {
  let db: Database.Database | undefined;
  let version: Database.Statement | undefined;
  let departments: Database.Statement | undefined;
  const open = () => {
    if (!db) {
      db = new Database(file, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      version = db.prepare('SELECT "version" FROM "AuthVersion" WHERE "id" = 1');
      departments = db.prepare('SELECT "id" FROM "Department"').pluck();
    }
    return db;
  };
  return {
    async authVersion() {
      open();
      const row = version!.get() as { version: number } | undefined;
      return row?.version ?? 0;
    },
    async departmentIds() {
      open();
      return departments!.all() as string[];
    },
    async close() {
      db?.close();
      db = undefined;
    },
  };
}

/** PostgreSQL: through the driver pool (src/store/driver-pool.ts); the turn reads never run inside a Prisma transaction. */
export function postgresReads(pool: () => Pool): TurnReads {
  return {
    async authVersion() {
      const { rows } = await pool().query<{ version: number }>({ name: 'auth-version', text: 'SELECT "version" FROM "AuthVersion" WHERE "id" = 1' });
      return rows[0]?.version ?? 0;
    },
    async departmentIds() {
      const { rows } = await pool().query<{ id: string }>({ name: 'department-ids', text: 'SELECT "id" FROM "Department"' });
      return rows.map((r) => r.id);
    },
    async close() {},
  };
}

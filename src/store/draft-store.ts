import type Database from 'better-sqlite3';
import type { MutexInterface } from 'async-mutex';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import { TAKE_AUDIT_HEAD, nextAuditEvent, type AuditHead, type AuditInput } from '../records/audit';

/** The tables whose drafts a guided flow saves (src/services/engines/guided-flow.ts). */
export type DraftTable = 'PresenceRequest' | 'DepartmentPolicy' | 'Post';
export type ColumnValue = string | number | Date | null;

/**
 * One Save draft, Back or Next click: read the row, decide, write it and its audit event, in one transaction.
 * `decide` is pure and synchronous (SQLite runs the whole transaction without yielding); it throws to refuse, and
 * then nothing is written.
 */
export interface DraftSave<R, T> {
  table: DraftTable;
  id: string;
  /** How the stored row reads: its keys are the columns read, and a row that does not read is refused. */
  row: z.ZodObject<z.ZodRawShape> & z.ZodType<R>;
  now: Date;
  decide(record: R | undefined): { set?: Record<string, ColumnValue>; audit?: AuditInput; result: T };
}

/**
 * Guided-flow saves straight through the database driver: the commonest click of all costs three Prisma model
 * queries otherwise, each several hundred microseconds of CPU in Prisma's query compiler (docs/decisions/0008).
 * The SQL is four fixed statement shapes; every other write stays on Prisma.
 */
export interface DraftStore {
  save<R, T>(s: DraftSave<R, T>): Promise<T>;
}

const COLUMN = /^[A-Za-z][A-Za-z0-9]*$/;
const quoted = (name: string) => {
  if (!COLUMN.test(name)) throw new Error(`not a column name: ${name}`);
  return `"${name}"`;
};
const AUDIT_COLUMNS = ['seq', 'id', 'at', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'data', 'prevHash', 'hash'] as const;

/** The statements of a save, with `?` placeholders (numbered for PostgreSQL by its store). */
const readSql = (table: DraftTable, columns: readonly string[]) => `SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)} WHERE "id" = ?`;
const writeSql = (table: DraftTable, set: readonly string[]) =>
  `UPDATE ${quoted(table)} SET ${set.map((c) => `${quoted(c)} = ?`).join(', ')}, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ?`;
const INSERT_AUDIT = `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map(quoted).join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`;

type AuditEventRow = ReturnType<typeof nextAuditEvent>;
const param = (v: ColumnValue, at: (d: Date) => string) => (v instanceof Date ? at(v) : v);
const auditValues = (e: AuditEventRow, at: (d: Date) => string) => AUDIT_COLUMNS.map((c) => (c === 'at' ? at(e.at) : e[c]));

/**
 * A refusal the database raised (a REC-3 hold's trigger, a constraint): the driver's words go in `cause`, where
 * src/errors/held-for-police.ts reads them, and the message says what failed without them.
 */
function refusedByDatabase(err: unknown, table: DraftTable): Error {
  const said = (err as { message?: unknown } | null)?.message;
  const message = typeof said === 'string' ? said : String(err);
  return Object.assign(new Error(`the database refused a save of a ${table} row`), { cause: { message } });
}

/** The most saves one SQLite transaction takes; more wait for the next. */
const MOST_PER_COMMIT = 100;

type Waiting = { save: DraftSave<unknown, unknown>; resolve(result: unknown): void; reject(err: unknown): void };

/**
 * SQLite: on Prisma's own connection, between Prisma's transactions, and saves that arrive together commit together.
 * `gate` is held by every Prisma transaction (src/store/shared-sqlite.ts), so this transaction never runs inside one,
 * and it never yields: a second connection of this process would have to wait for the write lock synchronously,
 * holding the event loop that Prisma's transaction needs to finish.
 * A save waits one turn of the event loop for others (group commit): a COMMIT costs more than a save's own
 * statements, and the saves of one commit share its pages (the chain's head, the newest audit events). Each save
 * runs in a savepoint of its own: one that throws is rolled back alone and told so; the others commit, and each is
 * answered only once the commit is on disk. If the commit itself fails, every save in it is told, and none is saved.
 */
export function sqliteDraftStore(connection: () => Promise<Database.Database>, gate: MutexInterface): DraftStore {
  const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  const prepare = (db: Database.Database, sql: string) => {
    let mine = prepared.get(db);
    if (!mine) prepared.set(db, (mine = new Map()));
    let s = mine.get(sql);
    if (!s) {
      // Prisma's connection answers integers as BigInt; these statements read plain numbers.
      s = db.prepare(sql).safeIntegers(false);
      mine.set(sql, s);
    }
    return s;
  };
  const at = (d: Date) => d.toISOString().replace('Z', '+00:00'); // as Prisma's adapter stores a DateTime

  const one = <R, T>(db: Database.Database, s: DraftSave<R, T>): T => {
    const found = prepare(db, readSql(s.table, Object.keys(s.row.shape))).get(s.id);
    const out = s.decide(found === undefined ? undefined : s.row.parse(found));
    try {
      if (out.set) {
        const set = Object.keys(out.set);
        prepare(db, writeSql(s.table, set)).run(...set.map((c) => param(out.set![c], at)), at(s.now), s.id);
      }
      if (out.audit) {
        const head = prepare(db, TAKE_AUDIT_HEAD).get() as AuditHead | undefined;
        prepare(db, INSERT_AUDIT).run(...auditValues(nextAuditEvent(head, out.audit, s.now), at));
      }
    } catch (err) {
      throw refusedByDatabase(err, s.table);
    }
    return out.result;
  };

  let waiting: Waiting[] = [];
  const commitWaiting = async () => {
    const batch = waiting.splice(0, MOST_PER_COMMIT);
    if (waiting.length) setImmediate(commitWaiting);
    let outcomes: Array<{ ok: true; result: unknown } | { ok: false; err: unknown }>;
    try {
      const db = await connection();
      outcomes = await gate.runExclusive(() => {
        if (db.inTransaction) throw new Error('a guided-flow save started inside another transaction');
        const each: typeof outcomes = [];
        // better-sqlite3 runs a transaction function called inside another as a savepoint.
        const inSavepoint = db.transaction((save: DraftSave<unknown, unknown>) => one(db, save));
        db.transaction(() => {
          for (const w of batch) {
            try {
              each.push({ ok: true, result: inSavepoint(w.save) });
            } catch (err) {
              each.push({ ok: false, err });
            }
          }
        }).immediate();
        return each;
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o.ok) w.resolve(o.result);
      else w.reject(o.err);
    });
  };
  return {
    save<R, T>(s: DraftSave<R, T>) {
      return new Promise<T>((resolve, reject) => {
        if (waiting.push({ save: s as DraftSave<unknown, unknown>, resolve: resolve as (r: unknown) => void, reject }) === 1) setImmediate(commitWaiting);
      });
    },
  };
}

/** PostgreSQL: a pooled connection of its own; the row is locked for the transaction (FOR UPDATE). */
export function postgresDraftStore(pool: () => Pool): DraftStore {
  // TIMESTAMP(3) holds UTC without a zone, as Prisma writes it.
  const at = (d: Date) => d.toISOString().slice(0, 23);
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    async save(s) {
      const client: PoolClient = await pool().connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const read = await client.query(numbered(`${readSql(s.table, Object.keys(s.row.shape))} FOR UPDATE`), [s.id]);
        const out = s.decide(read.rows.length ? s.row.parse(read.rows[0]) : undefined);
        try {
          if (out.set) {
            const set = Object.keys(out.set);
            await client.query(numbered(writeSql(s.table, set)), [...set.map((c) => param(out.set![c], at)), at(s.now), s.id]);
          }
          if (out.audit) {
            const head = await client.query<AuditHead>(TAKE_AUDIT_HEAD);
            await client.query(numbered(INSERT_AUDIT), auditValues(nextAuditEvent(head.rows[0], out.audit, s.now), at));
          }
        } catch (err) {
          throw refusedByDatabase(err, s.table);
        }
        await client.query('COMMIT');
        return out.result;
      } catch (err) {
        // A connection that cannot even roll back is dropped from the pool, not handed to the next save.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}

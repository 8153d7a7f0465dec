import Database from 'better-sqlite3';
import { Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { AppError } from '../errors/app-error';

/** Prisma's SQLite adapter, its connection shared with the driver-level saves (src/store/draft-store.ts). */
export interface SharedSqlite {
  adapter: PrismaBetterSQLite3;
  /** Prisma's connection; `connect` opens it when Prisma has not yet (Prisma connects lazily, and again after a disconnect). */
  connection(connect: () => Promise<void>): Promise<Database.Database>;
  /** Held by every Prisma transaction from BEGIN to COMMIT or ROLLBACK. */
  gate: MutexInterface;
}

/**
 * The adapter keeps one connection and runs each transaction on it from BEGIN to COMMIT across many awaits; a
 * statement run on that connection meanwhile would join the transaction. So every transaction holds `gate`, and
 * whoever else writes on the connection holds it too. `waitMs` bounds the wait, as Prisma's own maxWait does.
 */
export function sharedSqlite(url: string, waitMs: number): SharedSqlite {
  const gate = withTimeout(new Mutex(), waitMs, new AppError('CONFLICT', 'Many changes are being saved at this moment, so yours was not. Press the button again.'));
  let current: Database.Database | undefined;
  class GatedAdapter extends PrismaBetterSQLite3 {
    override async connect() {
      const adapter = await super.connect();
      const client = (adapter as unknown as { client?: unknown }).client;
      if (!(client instanceof Database)) throw new Error("Prisma's SQLite adapter no longer exposes its better-sqlite3 connection (src/store/shared-sqlite.ts)");
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const release = await gate.acquire();
        try {
          const tx = await start(isolationLevel);
          const commit = tx.commit.bind(tx);
          const rollback = tx.rollback.bind(tx);
          tx.commit = () => commit().finally(release);
          tx.rollback = () => rollback().finally(release);
          return tx;
        } catch (err) {
          release();
          throw err;
        }
      };
      current = client;
      return adapter;
    }
  }
  const connection = async (connect: () => Promise<void>) => {
    if (!current?.open) await connect();
    if (!current?.open) throw new Error('Prisma did not open its SQLite connection');
    return current;
  };
  return { adapter: new GatedAdapter({ url }), connection, gate };
}

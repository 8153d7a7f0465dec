import { Pool } from 'pg';

/**
 * PostgreSQL connections of the bot's own, beside Prisma's, for what runs on the driver (the turn reads and the
 * guided-flow saves, docs/decisions/0008). Opened when first used, so the SQLite quick start never connects.
 */
export function driverPool(url: string): { pool: () => Pool; close: () => Promise<void> } {
  let pool: Pool | undefined;
  return {
    pool: () => {
      if (!pool) {
        pool = new Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
        // An idle connection the server ends (a restart, an idle timeout, a database dropped while one is closing)
        // is reported here; unheard, the error would end the process. pg-pool has already dropped that connection,
        // and the next query opens a new one.
        pool.on('error', () => undefined);
      }
      return pool;
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

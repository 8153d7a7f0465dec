import { Pool } from 'pg';

/**
 * PostgreSQL connections of the bot's own, beside Prisma's, for what runs on the driver (the turn reads and the
 * guided-flow saves, docs/decisions/0008). Opened when first used, so the SQLite quick start never connects.
 */
export function driverPool(url: string): { pool: () => Pool; close: () => Promise<void> } {
  let pool: Pool | undefined;
  return {
    pool: () => (pool ??= new Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true })),
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

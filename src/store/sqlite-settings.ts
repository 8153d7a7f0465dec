import type { Db } from './prisma';

/**
 * What a server should run SQLite with: write-ahead logging (readers never wait for the writer, and a commit is one
 * append instead of a rollback journal written and deleted), synced at checkpoints rather than at every commit
 * (a power cut can lose the last commits but never corrupts the file), and a wait instead of SQLITE_BUSY when
 * another process (a CLI, a second bot) holds the write lock. WAL is stored in the file; the rest is per connection,
 * and the adapter keeps one connection per client.
 */
export async function useServerSettings(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
}

import path from 'node:path';

/**
 * Which database a DATABASE_URL names. Only src/store looks at this: everything above it sees one Prisma client
 * with one set of models, whichever database is behind it (docs/decisions/0005-postgresql.md).
 */
export type Dialect = 'sqlite' | 'postgres';

export const DATABASE_URL_HINT = 'DATABASE_URL must be a SQLite file: URL (file:./data/social-steward.db) or a PostgreSQL URL (postgresql://user:password@host:5432/db)';

export function dialectOf(databaseUrl: string): Dialect {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres';
  throw new Error(DATABASE_URL_HINT);
}

export function isSupportedDatabaseUrl(databaseUrl: string): boolean {
  return databaseUrl.startsWith('file:') || /^postgres(ql)?:\/\//.test(databaseUrl);
}

/** The SQLite file a file: URL names (Prisma's and better-sqlite3's spelling of the same thing). */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(databaseUrl.slice('file:'.length).replace(/\?.*$/, ''));
}

/** For logs: the kind of database and where, never the password. */
export function describeDatabase(databaseUrl: string): { database: Dialect; at: string } {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'sqlite') return { database: dialect, at: sqliteFile(databaseUrl) };
  const u = new URL(databaseUrl);
  return { database: dialect, at: `${u.hostname}:${u.port || 5432}${u.pathname}` };
}

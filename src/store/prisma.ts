import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaClient, Prisma } from '@prisma/client';
import { dialectOf, sqliteFile, type Dialect } from './dialect';
import { postgresReads, sqliteReads, type TurnReads } from './turn-reads';
import { postgresDraftStore, sqliteDraftStore, type DraftStore } from './draft-store';
import { driverPool } from './driver-pool';
import { sharedSqlite } from './shared-sqlite';

export type Db = PrismaClient;
/** A transaction client: services write a change, its audit event and its outbox rows through one of these. */
export type Tx = Prisma.TransactionClient;

/** What createPrisma made beside each client: its dialect, and what runs on the database driver. */
const made = new WeakMap<object, { dialect: Dialect; reads: TurnReads; drafts: DraftStore }>();
const madeFor = (db: Db) => {
  const m = made.get(db);
  if (!m) throw new Error('not a client made by createPrisma');
  return m;
};

/**
 * The Prisma client for DATABASE_URL: SQLite through better-sqlite3, or PostgreSQL through pg with the client
 * generated from prisma/postgres/schema.prisma (a Prisma schema has one provider). Both are generated from the same
 * models, so the PostgreSQL client is typed as the SQLite one and nothing above src/store can tell them apart.
 */
export function createPrisma(databaseUrl: string): PrismaClient {
  const dialect = dialectOf(databaseUrl);
  let db: PrismaClient;
  let drafts: DraftStore;
  let reads: TurnReads;
  let closePool = async () => {};
  if (dialect === 'sqlite') {
    mkdirSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true });
    const shared = sharedSqlite(databaseUrl, TX_OPTIONS.maxWait);
    db = new PrismaClient({ adapter: shared.adapter });
    drafts = sqliteDraftStore(() => shared.connection(() => db.$connect()), shared.gate);
    reads = sqliteReads(sqliteFile(databaseUrl));
  } else {
    // Loaded only when asked for, so the SQLite quick start never needs pg.
    const { PrismaPg } = require('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
    const { PrismaClient: PgClient } = require('.prisma/client-pg') as { PrismaClient: new (o: object) => unknown };
    db = new PgClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as PrismaClient;
    const pool = driverPool(databaseUrl);
    drafts = postgresDraftStore(pool.pool);
    reads = postgresReads(pool.pool);
    closePool = pool.close;
  }
  made.set(db, { dialect, reads, drafts });
  // What runs on the driver shares the client's lifetime: whoever disconnects the client closes it too.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await reads.close();
    await closePool();
    await disconnect();
  };
  return db;
}

/** The per-turn reads that bypass Prisma's engine (src/store/turn-reads.ts), on the same database as the client. */
export const turnReadsOf = (db: Db): TurnReads => madeFor(db).reads;

/** Guided-flow saves through the driver (src/store/draft-store.ts), on the same database as the client. */
export const draftStoreOf = (db: Db): DraftStore => madeFor(db).drafts;

export const dialectOfClient = (db: Db): Dialect => madeFor(db).dialect;

/** SQLite serializes writers; waiting briefly beats failing a person's click when two turns write at once. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** A case-insensitive "contains" on both databases: SQLite's LIKE ignores ASCII case already, PostgreSQL needs mode. */
export function containsText(db: Db, text: string): { contains: string } {
  return (made.get(db)?.dialect === 'postgres' ? { contains: text, mode: 'insensitive' } : { contains: text }) as { contains: string };
}

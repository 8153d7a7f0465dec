import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, Prisma } from '@prisma/client';

export type Db = PrismaClient;
/** A transaction client: services write a change, its audit event and its outbox rows through one of these. */
export type Tx = Prisma.TransactionClient;

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}

/** SQLite serializes writers; waiting briefly beats failing a person's click when two turns write at once. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

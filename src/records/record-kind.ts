import type { Db } from '../store/prisma';
import type { RecordsContext } from './context';
import { matchesQuery, type Facets, type RecordsQuery } from './query';

/** Prisma `where` on an event time column for a query's date range (audit events never change, so `at` is all). */
export function atWithin(q: RecordsQuery) {
  return q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } } : {};
}

/** One record as exported: its columns (CSV and JSON alike) and what it is about (for matching a search). */
export interface KindRow {
  values: Record<string, unknown>;
  facets: Facets;
  /** One line for the search card. */
  line: string;
}

/**
 * A kind of record the City must produce for a public records request (REC-2). Adding a kind is one line in
 * src/records/kinds/index.ts; the search, the card, the CLI and the export all follow from this description.
 */
export interface RecordKind {
  /** File stem in the export: `<name>.csv`, `<name>.json`. */
  name: string;
  label: string;
  columns: readonly string[];
  /** Columns stored as JSON text: the JSON file holds them parsed, the CSV as text. */
  jsonColumns?: readonly string[];
  /**
   * The records of the kind, in pages, oldest first. Logins and passwords are never among the values. A kind may use
   * the query to read less (an index on time); every row is still matched against the whole query afterwards.
   */
  pages(db: Db, ctx: RecordsContext, pageSize: number, q: RecordsQuery): AsyncIterable<KindRow[]>;
}

/**
 * Pages through a table by a strictly increasing key (`seq`, or `createdAt` then `id`), so a long table is never read
 * at once. `fetch(after, take)` returns the next rows after the last one seen.
 */
export async function* keyset<T, R = KindRow>(fetch: (after: NoInfer<T> | undefined, take: number) => Promise<T[]>, toRow: (t: T) => R, pageSize: number): AsyncIterable<R[]> {
  let after: T | undefined;
  for (;;) {
    const page = await fetch(after, pageSize);
    if (page.length === 0) return;
    yield page.map(toRow);
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/** The page cursor of tables keyed by uuid: (createdAt, id). */
export type Created = { createdAt: Date; id: string } | undefined;
export type Seq = { seq: number } | undefined;

/** Prisma `where` for rows after (createdAt, id). */
export function afterCreated(after: Created) {
  return after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};
}
export const CREATED_ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/** The rows of one kind that match the search, page by page. */
export async function* matchingPages(kind: RecordKind, db: Db, ctx: RecordsContext, q: RecordsQuery, pageSize = 500): AsyncIterable<KindRow[]> {
  for await (const page of kind.pages(db, ctx, pageSize, q)) {
    const hits = page.filter((r) => matchesQuery(q, r.facets));
    if (hits.length) yield hits;
  }
}

/** Text kept readable in one card line. */
export const clip = (s: string | null | undefined, max = 80) => (!s ? '' : s.length > max ? `${s.slice(0, max - 1)}…` : s);

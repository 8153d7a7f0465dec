import type { Db } from '../../store/prisma';
import type { Actor } from '../../domain/roles';
import { canReadRecords } from '../../domain/records-access';
import { AppError } from '../../errors/app-error';
import { loadRecordsContext } from '../../records/context';
import { RECORD_KINDS } from '../../records/kinds';
import type { RecordsQuery } from '../../records/query';
import { matchingPages } from '../../records/record-kind';
import { searchLines } from '../../records/export/write-export';

export interface KindResult {
  name: string;
  label: string;
  count: number;
  /** The first few records, one line each. */
  lines: string[];
}

export interface SearchResult {
  search: string[];
  kinds: KindResult[];
  total: number;
}

/** Counts every kind's matches and keeps the first `perKind` lines of each; reads in pages, never all at once. */
export async function searchRecords(db: Db, query: RecordsQuery, perKind = 5, timeZone?: string): Promise<SearchResult> {
  const ctx = await loadRecordsContext(db, timeZone);
  const kinds: KindResult[] = [];
  for (const kind of RECORD_KINDS) {
    const result: KindResult = { name: kind.name, label: kind.label, count: 0, lines: [] };
    for await (const page of matchingPages(kind, db, ctx, query)) {
      result.count += page.length;
      for (const row of page) if (result.lines.length < perKind) result.lines.push(row.line);
    }
    kinds.push(result);
  }
  return { search: searchLines(query, ctx), kinds, total: kinds.reduce((n, k) => n + k.count, 0) };
}

/** The search as a person asks it in Teams: only records custodians and admins may (REC-2). */
export async function searchRecordsFor(db: Db, actor: Actor, query: RecordsQuery, opts: { perKind?: number; timeZone?: string } = {}): Promise<SearchResult> {
  if (!canReadRecords(actor)) throw new AppError('NOT_AUTHORIZED', 'Only a records custodian or an admin can search the records. An admin can grant the Records custodian role.');
  return searchRecords(db, query, opts.perKind ?? 5, opts.timeZone);
}

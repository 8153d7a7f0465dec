import { PassThrough } from 'node:stream';
import AdmZip from 'adm-zip';
import type { Db } from '../../src/store/prisma';
import { matchesQuery, type Facets, type RecordsQuery } from '../../src/records/query';
import { loadRecordsContext } from '../../src/records/context';
import { RECORD_KINDS } from '../../src/records/kinds';
import { jsonRecord, writeRecordsExport } from '../../src/records/export/write-export';
import { verifyExport } from '../../src/records/export/verify-export';

/** Runs a records export into memory (tests only: exports are small here) and returns the ZIP's bytes. */
export async function exportToBuffer(db: Db, query: RecordsQuery = {}, now = new Date()): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeRecordsExport(sink, { db, query, generatedBy: 'test', now, pageSize: 7 });
  return Buffer.concat(chunks);
}

/** The ZIP's files as text. */
export function unzip(zip: Buffer): Map<string, string> {
  return new Map(new AdmZip(zip).getEntries().map((e) => [e.entryName, e.getData().toString('utf8')]));
}

export const jsonRows = (files: Map<string, string>, kind: string) => JSON.parse(files.get(`${kind}.json`) ?? 'null') as Array<Record<string, any>>;

/** Which export file holds the entity an audit event names, and the column that holds its id. */
const ENTITY_FILES: Record<string, [string, string]> = {
  presence_request: ['presence-requests', 'id'],
  presence: ['presences', 'id'],
  department_policy: ['department-policies', 'id'],
  access_block: ['site-blocks', 'id'],
  platform_decision: ['platform-decisions', 'id'],
  person: ['people', 'id'],
  channel_binding: ['channel-bindings', 'purpose'],
  records_export_link: ['records-exports', 'id'],
  webhook_subscriber: ['webhook-subscribers', 'id'],
};

/**
 * REC-2 completeness, for any database a test left behind: an export of everything verifies, holds every audit event
 * made before it (same hash), and holds every record an audit event names. Returns the problems, none when complete.
 */
export async function exportProblems(db: Db): Promise<string[]> {
  const now = new Date();
  const zip = await exportToBuffer(db, {}, now);
  const problems: string[] = [];
  const verified = await verifyExport(zip);
  if (!verified.ok) problems.push(...verified.problems);
  const files = unzip(zip);
  const exported = new Map(jsonRows(files, 'audit-events').map((e) => [e.seq as number, e.hash as string]));
  const ids = new Map<string, Set<string>>();
  for (const [file, column] of Object.values(ENTITY_FILES)) ids.set(file, new Set(jsonRows(files, file).map((r) => String(r[column]))));
  for (const e of await db.auditEvent.findMany({ where: { at: { lte: now } }, orderBy: { seq: 'asc' } })) {
    if (exported.get(e.seq) !== e.hash) problems.push(`audit event #${e.seq} (${e.action}) is missing from the export`);
    const target = Object.hasOwn(ENTITY_FILES, e.entityType) ? ENTITY_FILES[e.entityType] : undefined;
    if (target && !ids.get(target[0])!.has(e.entityId)) problems.push(`${e.entityType} ${e.entityId} (audited: ${e.action}) is missing from ${target[0]}.json`);
  }
  return problems;
}

/**
 * REC-2 exact subsets, for any database a test left behind: for a department, a person and a date window found in
 * the data (and all three together), the narrower export holds exactly the rows of the full export that match, in
 * the same order, and nothing the full export lacks.
 */
export async function subsetProblems(db: Db): Promise<string[]> {
  const now = new Date();
  const ctx = await loadRecordsContext(db);
  const all = new Map<string, Array<{ json: string; facets: Facets }>>();
  for (const kind of RECORD_KINDS) {
    const rows: Array<{ json: string; facets: Facets }> = [];
    for await (const page of kind.pages(db, ctx, 50, {})) {
      for (const r of page) if (r.facets.at <= now) rows.push({ json: JSON.stringify(jsonRecord(kind, r.values)), facets: r.facets });
    }
    all.set(kind.name, rows);
  }
  const facets = [...all.values()].flat().map((r) => r.facets);
  const department = facets.flatMap((f) => f.departmentIds).find((d): d is string => typeof d === 'string');
  const person = facets.flatMap((f) => f.personIds).find((p): p is string => typeof p === 'string');
  // Bounds exactly at events' times, where an off-by-one in the range would show.
  const times = all.get('audit-events')!.map((r) => r.facets.at.getTime());
  const window = times.length ? { from: new Date(times[Math.floor(times.length / 3)]).toISOString(), to: new Date(times[Math.floor((2 * times.length) / 3)]).toISOString() } : {};
  const queries: RecordsQuery[] = [window, ...(department ? [{ departmentIds: [department] }] : []), ...(person ? [{ personIds: [person] }] : [])];
  queries.push(Object.assign({}, ...queries));

  const full = unzip(await exportToBuffer(db, {}, now));
  const problems: string[] = [];
  for (const q of queries) {
    const narrow = unzip(await exportToBuffer(db, q, now));
    const effective = { ...q, to: q.to ?? now.toISOString() };
    for (const kind of RECORD_KINDS) {
      const got = jsonRows(narrow, kind.name).map((r) => JSON.stringify(r));
      const want = all.get(kind.name)!.filter((r) => matchesQuery(effective, r.facets)).map((r) => r.json);
      const fullRows = new Set(jsonRows(full, kind.name).map((r) => JSON.stringify(r)));
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${kind.name}: the export of ${JSON.stringify(q)} has ${got.length} rows, ${want.length} match`);
      if (got.some((r) => !fullRows.has(r))) problems.push(`${kind.name}: the export of ${JSON.stringify(q)} holds a row the full export lacks`);
    }
  }
  return problems;
}

import { PassThrough } from 'node:stream';
import AdmZip from 'adm-zip';
import type { Db } from '../../src/store/prisma';
import type { RecordsQuery } from '../../src/records/query';
import { writeRecordsExport } from '../../src/records/export/write-export';
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
  person: ['people', 'id'],
  channel_binding: ['channel-bindings', 'purpose'],
  records_export_link: ['records-exports', 'id'],
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

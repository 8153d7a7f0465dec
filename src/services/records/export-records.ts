import type { Writable } from 'node:stream';
import type { Db } from '../../store/prisma';
import { appendAudit } from '../../records/audit';
import type { RecordsQuery } from '../../records/query';
import { writeRecordsExport } from '../../records/export/write-export';
import { TX_OPTIONS } from '../../store/prisma';

export interface Exporter {
  personId: string | null;
  name: string;
}

/**
 * Writes an export and then records it in the audit trail (REC-1): who exported what search, how many records, and
 * the manifest's SHA-256, which ties the file handed out to the chain. The event comes after the export's cut-off,
 * so the next export shows it.
 */
export async function exportRecords(db: Db, out: Writable, query: RecordsQuery, by: Exporter, via: 'teams' | 'cli', opts: { timeZone?: string; extra?: Record<string, unknown> } = {}) {
  const result = await writeRecordsExport(out, { db, query, generatedBy: by.name, timeZone: opts.timeZone });
  await db.$transaction(
    (tx) =>
      appendAudit(tx, {
        actor: by,
        action: 'records.exported',
        entityType: 'records_export',
        entityId: result.manifestSha256.slice(0, 16),
        data: { via, query, counts: Object.fromEntries(result.manifest.kinds.map((k) => [k.name, k.count])), manifestSha256: result.manifestSha256, chainOk: result.manifest.auditChain.ok, ...opts.extra },
      }),
    TX_OPTIONS,
  );
  return result;
}

import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Db } from '../../store/prisma';
import { verifyAuditTrail } from '../audit';
import { loadRecordsContext, type RecordsContext } from '../context';
import { RECORD_KINDS } from '../kinds';
import { describeQuery, type RecordsQuery } from '../query';
import { matchingPages, type RecordKind } from '../record-kind';
import { csvHeader, csvRows } from './csv';
import { indexFoot, indexHead, sectionEnd, sectionLines, sectionStart } from './index-html';
import { formatWhen } from '../../../cards/common/elements';
import { MANIFEST_FORMAT, type ChainSummary, type Manifest, type ManifestFile } from './manifest';

export interface ExportOptions {
  db: Db;
  query: RecordsQuery;
  generatedBy: string;
  now?: Date;
  pageSize?: number;
  kinds?: readonly RecordKind[];
  /** For the times people read in the printable index; the CSV and JSON files keep UTC (ISO 8601). */
  timeZone?: string;
}

/** A JSON-text column parsed for the JSON file; text that does not parse stays text, so nothing is lost. */
function jsonValue(kind: RecordKind, column: string, value: unknown): unknown {
  if (typeof value !== 'string' || !kind.jsonColumns?.includes(column)) return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** One record as the JSON file holds it: every column, in order, JSON-text columns parsed. */
export const jsonRecord = (kind: RecordKind, values: Record<string, unknown>) => Object.fromEntries(kind.columns.map((c) => [c, jsonValue(kind, c, values[c])]));

export const searchLines = (q: RecordsQuery, ctx: RecordsContext) => describeQuery(q, { presence: ctx.presenceLabel, department: ctx.departmentName, person: ctx.personName });

/**
 * Streams a records export (REC-2) as a ZIP into `out`: per kind one CSV and one JSON, the audit chain's verification,
 * a printable index.html and a manifest with every file's SHA-256. Rows are read and written a page at a time, so
 * memory does not grow with the number of records. Records made after `now` are left out of every file alike.
 */
export async function writeRecordsExport(out: Writable, o: ExportOptions): Promise<{ manifest: Manifest; manifestSha256: string }> {
  const now = o.now ?? new Date();
  const pageSize = o.pageSize ?? 500;
  const kinds = o.kinds ?? RECORD_KINDS;
  const nowIso = now.toISOString();
  const query: RecordsQuery = { ...o.query, to: o.query.to && o.query.to < nowIso ? o.query.to : nowIso };
  const ctx = await loadRecordsContext(o.db, o.timeZone);
  const zip = new yazl.ZipFile();
  const files: ManifestFile[] = [];
  const counts = new Map<string, number>();
  const seqs = { first: null as number | null, last: null as number | null };

  /** Adds a file whose content is produced lazily when yazl reaches it, hashing it on the way. */
  const add = (name: string, produce: () => AsyncIterable<string>): Promise<void> =>
    new Promise((resolve, reject) => {
      async function* hashed() {
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of produce()) {
          const buf = Buffer.from(chunk, 'utf8');
          hash.update(buf);
          bytes += buf.length;
          if (buf.length) yield buf;
        }
        files.push({ name, sha256: hash.digest('hex'), bytes });
        resolve();
      }
      const stream = Readable.from(hashed());
      stream.on('error', (err) => {
        (zip.outputStream as Readable).destroy(err);
        reject(err);
      });
      zip.addReadStream(stream, name, { mtime: now });
    });

  async function* csvOf(kind: RecordKind) {
    yield csvHeader(kind.columns);
    let n = 0;
    for await (const page of matchingPages(kind, o.db, ctx, query, pageSize)) {
      n += page.length;
      if (kind.name === 'audit-events') {
        seqs.first ??= Number(page[0].values.seq);
        seqs.last = Number(page[page.length - 1].values.seq);
      }
      yield csvRows(kind.columns, page.map((r) => r.values));
    }
    counts.set(kind.name, n);
  }

  async function* jsonOf(kind: RecordKind) {
    yield '[';
    let first = true;
    for await (const page of matchingPages(kind, o.db, ctx, query, pageSize)) {
      const parts = page.map((r) => JSON.stringify(jsonRecord(kind, r.values)));
      yield (first ? '\n' : ',\n') + parts.join(',\n');
      first = false;
    }
    yield '\n]\n';
  }

  let chain: ChainSummary | undefined;
  async function* chainFile() {
    const check = await verifyAuditTrail(o.db);
    chain = {
      ok: check.ok,
      eventsChecked: check.count,
      ...(check.ok ? {} : { brokenAtSeq: check.brokenAt.seq, reason: check.reason }),
      range: { firstSeq: seqs.first, lastSeq: seqs.last, events: counts.get('audit-events') ?? 0 },
      checkedAt: nowIso,
    };
    yield JSON.stringify(chain, null, 2) + '\n';
  }

  const kindSummaries = () => kinds.map((k) => ({ name: k.name, label: k.label, count: counts.get(k.name) ?? 0 }));
  async function* indexFile() {
    const c = chain!;
    const chainText = c.ok
      ? `The audit trail verifies: all ${c.eventsChecked} events are intact and in order. This export holds ${c.range.events} of them${c.range.firstSeq ? ` (#${c.range.firstSeq} to #${c.range.lastSeq})` : ''}.`
      : `The audit trail does NOT verify: broken at event #${c.brokenAtSeq} (${c.reason}).`;
    yield indexHead({ title: 'Public records export', generatedAt: o.timeZone ? `${formatWhen(now, o.timeZone)} (${o.timeZone})` : nowIso, generatedBy: o.generatedBy, search: searchLines(o.query, ctx), chain: chainText, kinds: kindSummaries() });
    for (const kind of kinds) {
      const count = counts.get(kind.name) ?? 0;
      yield sectionStart(kind.label, count);
      if (count) for await (const page of matchingPages(kind, o.db, ctx, query, pageSize)) yield sectionLines(page.map((r) => r.line));
      yield sectionEnd(count);
    }
    yield indexFoot();
  }

  const written: Array<Promise<void>> = [];
  for (const kind of kinds) written.push(add(`${kind.name}.csv`, () => csvOf(kind)), add(`${kind.name}.json`, () => jsonOf(kind)));
  written.push(add('audit-chain.json', chainFile), add('index.html', indexFile));
  let manifest: Manifest | undefined;
  written.push(
    add('manifest.json', async function* () {
      manifest = { format: MANIFEST_FORMAT, generatedAt: nowIso, generatedBy: o.generatedBy, query: o.query, search: searchLines(o.query, ctx), kinds: kindSummaries(), auditChain: chain!, files: [...files] };
      yield JSON.stringify(manifest, null, 2) + '\n';
    }),
  );
  zip.end();
  await Promise.all([pipeline(zip.outputStream, out), ...written]);
  return { manifest: manifest!, manifestSha256: files.find((f) => f.name === 'manifest.json')!.sha256 };
}

/**
 * `npm run bench:records`: exports 100,000 audit events (REC-2) to a ZIP file and reports the exporting process's
 * peak RSS, against the same export of 10,000: streaming means the peak should barely grow with ten times the
 * records. Each export runs in a fresh process with the V8 heap capped at 64 MB, so filling the database does not
 * count and an export that kept its records in memory would fail. `-- --events N` changes the
 * large size. Exits 1 if an export does not verify, its audit chain does not, or it misses events.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations } from '../src/store/migrate';
import { createPrisma, type Db } from '../src/store/prisma';
import { GENESIS_HASH, hashAuditEvent } from '../src/domain/audit-chain';
import { writeRecordsExport } from '../src/records/export/write-export';
import { verifyExport } from '../src/records/export/verify-export';
import { searchRecords } from '../src/services/records/search-records';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Appends events to the chain in batches, as a long-running City deployment would have accumulated them. */
async function fillAuditTrail(db: Db, upTo: number): Promise<void> {
  const last = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const start = Date.UTC(2026, 0, 1);
  while (seq < upTo) {
    const batch = [];
    for (let i = 0; i < 1000 && seq < upTo; i++) {
      seq += 1;
      const fields = { seq, id: randomUUID(), at: new Date(start + seq * 60_000), actorId: null, actorName: `Staff member ${seq % 97}`, action: seq % 3 ? 'request.draft_saved' : 'presence.edited', entityType: seq % 3 ? 'presence_request' : 'presence', entityId: randomUUID(), data: JSON.stringify({ step: seq % 5, note: `=formula-looking text ${seq}`, words: 'Share park events, closures and volunteer days with families.' }), prevHash };
      const hash = hashAuditEvent(fields);
      batch.push({ ...fields, hash });
      prevHash = hash;
    }
    await db.auditEvent.createMany({ data: batch });
  }
}

/** In the child process: one export, then its figures as a JSON line. maxRSS is the kernel's peak for the process. */
async function exportOnce(url: string, file: string) {
  const db = createPrisma(url);
  await db.auditEvent.count(); // connect and load the client before the baseline
  const baseline = process.memoryUsage().rss;
  const started = Date.now();
  const { manifest } = await writeRecordsExport(createWriteStream(file), { db, query: {}, generatedBy: 'benchmark' });
  const ms = Date.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  const verified = await verifyExport(file);
  await db.$disconnect();
  console.log(JSON.stringify({ ms, baseline, peak, bytes: statSync(file).size, events: manifest.kinds.find((k) => k.name === 'audit-events')!.count, chainOk: manifest.auditChain.ok, verified: verified.ok }));
}

const TSX = path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsx');
const HEAP_CAP_MB = 64;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' }, 'export-to': { type: 'string' }, db: { type: 'string' } } });
  if (values['export-to'] && values.db) {
    await exportOnce(values.db, values['export-to']);
    return 0;
  }
  const large = Number(values.events);
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-records-bench-'));
  const url = `file:${path.join(dir, 'bench.db')}`;
  try {
    await applyMigrations(url);
    const db = createPrisma(url);
    let ok = true;
    for (const size of [Math.min(10_000, large), large]) {
      await fillAuditTrail(db, size);
      const child = await promisify(execFile)(TSX, [__filename, '--db', url, '--export-to', path.join(dir, `export-${size}.zip`)], {
        maxBuffer: 1 << 20,
        // A heap far smaller than the export: a build that held the export in memory would die here.
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_CAP_MB}` },
      });
      const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; baseline: number; peak: number; bytes: number; events: number; chainOk: boolean; verified: boolean };
      ok &&= r.chainOk && r.verified && r.events === size;
      console.log(`${r.events} audit events (heap cap ${HEAP_CAP_MB} MB): exported in ${(r.ms / 1000).toFixed(1)} s, ZIP ${mb(r.bytes)}, RSS after start-up ${mb(r.baseline)}, peak RSS ${mb(r.peak)} (+${mb(r.peak - r.baseline)}); chain ${r.chainOk ? 'verifies' : 'BROKEN'}; manifest ${r.verified ? 'verifies' : 'FAILS'}`);
      // What a custodian waits for in Teams: the search card over everything, and over one day.
      const t0 = Date.now();
      const all = await searchRecords(db, {});
      const t1 = Date.now();
      const day = await searchRecords(db, { from: '2026-01-02T00:00:00.000Z', to: '2026-01-02T23:59:59.999Z' });
      console.log(`${size} audit events: search of everything ${((t1 - t0) / 1000).toFixed(1)} s (${all.total} records), of one day ${((Date.now() - t1) / 1000).toFixed(1)} s (${day.total} records)`);
    }
    await db.$disconnect();
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});

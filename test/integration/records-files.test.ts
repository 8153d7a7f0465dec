import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { Prisma } from '@prisma/client';
import { dialectOfClient } from '../../src/store/prisma';
import { Harness } from '../harness/bot-harness';
import { exportToBuffer, jsonRows, unzip } from '../harness/records-export';
import { verifyChain, type AuditFields } from '../../src/domain/audit-chain';
import { verifyExport } from '../../src/records/export/verify-export';

const run = promisify(execFile);
const TSX = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const CLI = path.resolve(__dirname, '..', '..', 'scripts', 'records.ts');

/** Tables that hold no record of the City's business: where the bot can reach people, turn state, job locks. */
// Working state, not records: conversation references, bot state, job leases and the audit chain's lock row.
const NOT_RECORDS = ['ConversationRef', 'JobLock', 'AuditChainLock', 'AuthVersion'];

describe('REC-2 export files: Excel-safe CSV, tamper-evident manifest, nothing ever deleted', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    for (const name of ['=HYPERLINK("http://evil.example","open")', '+1 555 0100', '@SUM(A1:A9)', '-2+3', 'Ana Lima']) await h.user(name).install();
  });
  afterAll(() => h.stop());

  it('writes CSV as UTF-8 with a BOM, every formula-looking cell starting with an apostrophe', async () => {
    const people = unzip(await exportToBuffer(h.bot.db)).get('people.csv')!;
    expect(people.startsWith('\uFEFFid,name,aadObjectId,createdAt,updatedAt\n')).toBe(true);
    expect(people).toContain(`,"'=HYPERLINK(""http://evil.example"",""open"")",`);
    for (const cell of ["'+1 555 0100", "'@SUM(A1:A9)", "'-2+3"]) expect(people).toContain(`,${cell},`);
    expect(people).toContain(',Ana Lima,');
    // No cell starts with a formula character.
    for (const line of people.split('\n').slice(1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
  });

  it('REC-1 the exported audit events alone recompute the hash chain; JSON columns are parsed in the JSON file', async () => {
    const files = unzip(await exportToBuffer(h.bot.db));
    const events = jsonRows(files, 'audit-events').map((e) => ({ ...e, actorName: e.actor, at: new Date(e.at) }) as AuditFields & { hash: string });
    expect(events.length).toBeGreaterThan(4);
    expect(verifyChain(events)).toMatchObject({ ok: true, count: events.length });
    expect(verifyChain(events.map((e, i) => (i === 2 ? { ...e, actorName: 'Someone else' } : e)))).toMatchObject({ ok: false });
    expect(JSON.parse(files.get('audit-chain.json')!)).toMatchObject({ ok: true, range: { firstSeq: 1, events: events.length } });
  });

  it('verify names the file that changed, went missing or was added', async () => {
    const zip = await exportToBuffer(h.bot.db);
    expect(await verifyExport(zip)).toMatchObject({ ok: true });
    const tampered = new AdmZip(zip);
    tampered.updateFile('people.csv', Buffer.from(unzip(zip).get('people.csv')!.replace('Ana Lima', 'Ana Lime')));
    tampered.deleteFile('roles.json');
    tampered.addFile('extra.txt', Buffer.from('slipped in'));
    const result = await verifyExport(tampered.toBuffer());
    expect(result).toMatchObject({ ok: false, changed: ['people.csv'], missing: ['roles.json'], unexpected: ['extra.txt'] });

    const file = path.join(h.dataDir, 'tampered.zip');
    const one = new AdmZip(zip);
    one.updateFile('audit-events.csv', Buffer.from(unzip(zip).get('audit-events.csv')! + 'forged row\n'));
    writeFileSync(file, one.toBuffer());
    const cli = await run(TSX, [CLI, 'verify', file]).then(() => ({ code: 0, stderr: '' }), (err) => ({ code: err.code as number, stderr: String(err.stderr) }));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('audit-events.csv changed');
  });

  it('the CLI searches and writes an export that verifies', async () => {
    const env = { ...process.env, ...h.env() };
    const search = await run(TSX, [CLI, 'search', '--person', 'Ana'], { env });
    expect(search.stdout).toMatch(/People: 1\n {2}Ana Lima/);
    const out = path.join(h.dataDir, 'cli-export.zip');
    await run(TSX, [CLI, 'export', '--out', out], { env });
    expect(await verifyExport(out)).toMatchObject({ ok: true });
  });

  it('refuses a DELETE on every records table: each has a trigger, and a DELETE of a row fails and keeps it', async () => {
    const tables = Prisma.dmmf.datamodel.models.map((m) => m.name).filter((n) => !NOT_RECORDS.includes(n));
    expect(tables).toEqual(expect.arrayContaining(['AuditEvent', 'RoleGrant', 'PresenceRequest', 'Presence', 'RecordsExportLink']));
    const triggers = await h.bot.db.$queryRawUnsafe<Array<{ tbl_name: string }>>(
      dialectOfClient(h.bot.db) === 'sqlite'
        ? "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_delete'"
        : "SELECT DISTINCT event_object_table::text AS tbl_name FROM information_schema.triggers WHERE trigger_name LIKE '%_no_delete'",
    );
    expect(triggers.map((t) => t.tbl_name).sort()).toEqual([...tables].sort());
    for (const table of ['Person', 'AuditEvent', 'Department']) {
      const before = await h.bot.db.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT COUNT(*) AS n FROM "${table}"`);
      expect(Number(before[0].n)).toBeGreaterThan(0);
      await expect(h.bot.db.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/records are never deleted/);
      const after = await h.bot.db.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT COUNT(*) AS n FROM "${table}"`);
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    }
  });
});

import 'dotenv/config';
import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../src/config/config';
import { createPrisma, type Db } from '../src/store/prisma';
import { ZRecordsSearchInput } from '../src/verbs/records';
import { resolveSearch } from '../src/services/records/resolve-search';
import { searchRecords } from '../src/services/records/search-records';
import { exportRecords } from '../src/services/records/export-records';
import { verifyExport } from '../src/records/export/verify-export';

const USAGE = `Usage:
  npm run records -- search [--presence HANDLE] [--department NAME] [--person NAME] [--words TEXT] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  npm run records -- export --out FILE.zip [the same filters]
  npm run records -- verify FILE.zip`;

const FILTERS = { presence: { type: 'string' }, department: { type: 'string' }, person: { type: 'string' }, words: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } as const;

async function query(db: Db, values: Record<string, unknown>, timeZone: string) {
  const input = ZRecordsSearchInput.safeParse(values);
  if (!input.success) throw new UsageError(input.error.issues.map((i) => i.message).join('\n'));
  const resolved = await resolveSearch(db, input.data, timeZone);
  if (!resolved.ok) throw new UsageError(Object.values(resolved.errors).join('\n'));
  return resolved.query;
}

class UsageError extends Error {}

/** `npm run records`: the records custodian's search, export and verify from a shell on the bot's server (REC-2). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'verify') {
    if (rest.length !== 1) throw new UsageError(USAGE);
    const result = await verifyExport(rest[0]);
    if (result.ok) {
      console.log(`Export verified: all ${result.files} files match the manifest.`);
      return 0;
    }
    console.error(`Export does NOT verify:\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  if (command !== 'search' && command !== 'export') throw new UsageError(USAGE);
  const { values } = parseArgs({ args: rest, options: FILTERS, strict: true });
  const config = loadConfig(process.env);
  const db = createPrisma(config.databaseUrl);
  try {
    const { out, ...filters } = values;
    const q = await query(db, filters, config.timeZone);
    if (command === 'search') {
      const result = await searchRecords(db, q, 5, config.timeZone);
      console.log(`${result.search.join('; ')}: ${result.total} records`);
      for (const k of result.kinds) {
        console.log(`\n${k.label}: ${k.count}`);
        for (const line of k.lines) console.log(`  ${line}`);
        if (k.count > k.lines.length) console.log(`  ... and ${k.count - k.lines.length} more (export to see all)`);
      }
      return 0;
    }
    if (!out) throw new UsageError(`export needs --out FILE.zip\n${USAGE}`);
    const { manifest } = await exportRecords(db, createWriteStream(out, { flags: 'wx' }), q, { personId: null, name: `command line (${userInfo().username})` }, 'cli', { timeZone: config.timeZone });
    console.log(`Wrote ${out}: ${manifest.kinds.reduce((n, k) => n + k.count, 0)} records in ${manifest.files.length} files; audit trail ${manifest.auditChain.ok ? 'verifies' : 'DOES NOT verify'}.`);
    return manifest.auditChain.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof UsageError || err instanceof ConfigError ? err.message : `records failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);

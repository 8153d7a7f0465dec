import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expectedPostgresFiles, migrationDirs, PG_DIR, PG_MIGRATIONS, PG_SCHEMA, ROOT } from './postgres/postgres-files';

/**
 * `npm run db:pg:generate`: rewrites prisma/postgres (schema and migrations) from the SQLite schema and migrations,
 * then generates its client. Run it after adding a SQLite migration or merging one; the drift test fails until then.
 * `--files-only` skips the client (postinstall generates it).
 */
function main(): void {
  const expected = expectedPostgresFiles();
  for (const name of migrationDirs(path.join(ROOT, PG_MIGRATIONS))) {
    if (!expected.has(`${PG_MIGRATIONS}/${name}/migration.sql`)) rmSync(path.join(ROOT, PG_MIGRATIONS, name), { recursive: true });
  }
  for (const [file, content] of expected) {
    mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    writeFileSync(path.join(ROOT, file), content);
  }
  console.log(`Wrote ${PG_SCHEMA} and ${readdirSync(path.join(ROOT, PG_MIGRATIONS)).length - 1} migrations in ${PG_MIGRATIONS}`);
  if (!process.argv.includes('--files-only')) {
    execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--config', `${PG_DIR}/prisma.config.ts`], { cwd: ROOT, stdio: 'inherit' });
  }
}

try {
  main();
} catch (err) {
  console.error(`db:pg:generate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

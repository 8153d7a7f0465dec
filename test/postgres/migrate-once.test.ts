import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { spawnBot } from '../harness/child-bot';
import { onPostgresServer, postgresUrl } from '../harness/test-database';
import { migrationFiles, MigrationFailed } from '../../src/store/migration-files';
import { applyPostgresMigrations } from '../../src/store/migrate-postgres';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run db:migrate`, as a deploy step runs it: a process of its own with nothing but the database URL. */
function dbMigrate(url: string) {
  const env = { PATH: process.env.PATH ?? '', DATABASE_URL: url, DOTENV_CONFIG_PATH: '/nonexistent' };
  return run(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );
}

describe('migrations on PostgreSQL are applied once, however many processes ask', () => {
  const names: string[] = [];
  const emptyDatabase = async () => {
    const name = `steward_empty_${randomBytes(5).toString('hex')}`;
    await onPostgresServer((c) => c.query(`CREATE DATABASE ${name}`));
    names.push(name);
    return postgresUrl(name);
  };
  const history = async (url: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name')).rows.map((r) => r.migration_name);
    } finally {
      await c.end();
    }
  };
  afterAll(() => onPostgresServer(async (c) => {
    for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  }));

  it('two `npm run db:migrate` at once: one applies every migration, the other finds nothing to do', async () => {
    const url = await emptyDatabase();
    const [first, second] = await Promise.all([dbMigrate(url), dbMigrate(url)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const outs = [first.out, second.out].sort();
    expect(outs[0]).toMatch(/^Applied \d{14}_core, /);
    expect(outs[1]).toMatch(/^Nothing to apply: postgres at 127\.0\.0\.1:\d+\/steward_empty_/);
    expect(await history(url)).toEqual(migrationFiles('postgres').map((m) => m.name));
  }, 60_000);

  it('a bot on an unmigrated database refuses to start, saying how to migrate, unless MIGRATE_ON_START=true', async () => {
    const url = await emptyDatabase();
    const env = { NODE_ENV: 'development', PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'warn', DATA_DIR: '/tmp' };
    const refused = spawnBot(env);
    await expect(refused.ready).rejects.toThrow(/exited with 1/);
    expect(refused.output()).toContain('Social Steward failed to start: the database lacks');
    expect(refused.output()).toContain('npm run db:migrate');

    // Two processes allowed to migrate, started together: both come up, each migration recorded once.
    const bots = [spawnBot({ ...env, MIGRATE_ON_START: 'true' }), spawnBot({ ...env, MIGRATE_ON_START: 'true' })];
    try {
      await Promise.all(bots.map((b) => b.ready));
      expect(await history(url)).toEqual(migrationFiles('postgres').map((m) => m.name));
    } finally {
      for (const b of bots) b.proc.kill('SIGTERM');
      expect(await Promise.all(bots.map((b) => b.exited))).toEqual([0, 0]);
    }
  }, 90_000);

  it('rolls a failing migration back whole, names it, and keeps the ones before it', async () => {
    const url = await emptyDatabase();
    const good = { name: '001_a', sql: 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY);', checksum: 'a' };
    const bad = { name: '002_bad', sql: 'CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "Missing" ADD COLUMN "x" TEXT;', checksum: 'b' };
    let n = 0;
    const failed = applyPostgresMigrations(url, [good, bad], () => `00000000-0000-4000-8000-00000000000${++n}`);
    await expect(failed).rejects.toThrow(MigrationFailed);
    await expect(failed).rejects.toThrow(/migration 002_bad failed and was rolled back.*"Missing" does not exist/);
    expect(await history(url)).toEqual(['001_a']);
    const c = new Client({ connectionString: url });
    await c.connect();
    expect((await c.query("SELECT to_regclass('\"Half\"') AS t")).rows).toEqual([{ t: null }]);
    await c.end();
  });
});

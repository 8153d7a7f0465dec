import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/store/migrate';
import { newTemplateDbPath } from './template-db';
import { onPostgresServer, postgresUrl, testDatabaseKind } from './test-database';

export default async function globalSetup(): Promise<void> {
  const file = newTemplateDbPath();
  mkdirSync(path.dirname(file), { recursive: true });
  // Templates of earlier runs older than an hour are litter.
  for (const old of readdirSync(path.dirname(file)).filter((f) => f.startsWith('template-'))) {
    const p = path.join(path.dirname(file), old);
    if (Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
  }
  await applyMigrations(`file:${file}`);
  // Read by the harness in every test file (jest passes the environment on to its workers).
  process.env.STEWARD_TEMPLATE_DB = file;
  if (testDatabaseKind() === 'postgres') process.env.STEWARD_TEMPLATE_PG = await postgresTemplate();
}

/** One migrated PostgreSQL database per run, copied by CREATE DATABASE ... TEMPLATE for each harness. */
async function postgresTemplate(): Promise<string> {
  const name = `steward_template_${process.pid}_${Date.now()}`;
  await onPostgresServer(async (c) => {
    // Templates of runs that died without cleaning up; each run's name carries its start time.
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'steward_template_%'");
    for (const { datname } of rows) {
      const started = Number(datname.split('_').pop());
      if (Date.now() - started > 3_600_000) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${name}`);
  });
  await applyMigrations(postgresUrl(name));
  return name;
}

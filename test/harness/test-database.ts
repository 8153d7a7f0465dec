import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { templateDbPath } from './template-db';

/**
 * Which database the tests run on: SQLite by default, PostgreSQL with TEST_DATABASE=postgres and TEST_DATABASE_URL
 * naming a server the tests may create databases on (.ci/run starts a private one). The same journeys run on both.
 */
export function testDatabaseKind(): 'sqlite' | 'postgres' {
  const kind = process.env.TEST_DATABASE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`TEST_DATABASE must be sqlite or postgres, not "${kind}"`);
  return kind;
}

export function postgresServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('TEST_DATABASE=postgres needs TEST_DATABASE_URL=postgresql://user@host:port/postgres (a server the tests may create databases on)');
  }
  return url;
}

export function postgresUrl(database: string): string {
  const u = new URL(postgresServerUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function onPostgresServer<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one harness: a copy of the run's template (a file copy for SQLite, CREATE DATABASE
 * ... TEMPLATE for PostgreSQL), so no test migrates again and no two tests share data.
 */
export async function freshTestDatabase(dataDir: string): Promise<TestDatabase> {
  if (testDatabaseKind() === 'sqlite') {
    const file = path.join(dataDir, 'social-steward.db');
    copyFileSync(templateDbPath(), file);
    return { url: `file:${file}`, drop: async () => undefined };
  }
  const template = process.env.STEWARD_TEMPLATE_PG;
  if (!template) throw new Error('STEWARD_TEMPLATE_PG is not set: run the tests through jest (test/harness/global-setup.ts creates it)');
  const name = `steward_${randomBytes(6).toString('hex')}`;
  await onPostgresServer((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: postgresUrl(name),
    drop: () => onPostgresServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

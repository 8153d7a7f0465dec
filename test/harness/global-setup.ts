import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/store/migrate';
import { newTemplateDbPath } from './template-db';

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
}

import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/store/migrate';
import { TEMPLATE_DB } from './template-db';

export default async function globalSetup(): Promise<void> {
  mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  rmSync(TEMPLATE_DB, { force: true });
  await applyMigrations(`file:${TEMPLATE_DB}`);
}

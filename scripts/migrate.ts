import 'dotenv/config';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config/config';
import { applyMigrations } from '../src/store/migrate';

/** `npm run db:migrate`: the same migrations the bot applies at start, for a deploy step that runs them first. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  mkdirSync(path.dirname(config.databaseUrl.slice('file:'.length)), { recursive: true });
  await applyMigrations(config.databaseUrl);
  console.log(`Migrations applied to ${config.databaseUrl}`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

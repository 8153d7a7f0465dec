import 'dotenv/config';
import { ConfigError, loadConfig } from '../src/config/config';
import { applyMigrations } from '../src/store/migrate';
import { describeDatabase } from '../src/store/dialect';

/**
 * `npm run db:migrate`: applies the pending migrations once, for a deploy step that runs before the bot processes
 * start (with PostgreSQL they refuse to run on an unmigrated database unless MIGRATE_ON_START=true).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { database, at } = describeDatabase(config.databaseUrl);
  const applied = await applyMigrations(config.databaseUrl);
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${database} at ${at}` : `Nothing to apply: ${database} at ${at} is up to date`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

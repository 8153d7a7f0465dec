import 'dotenv/config';
import { loadConfig, ConfigError } from '../src/config/config';
import { createPrisma } from '../src/store/prisma';
import { verifyAuditTrail } from '../src/records/audit';

/** `npm run audit:verify`: exits 1 at the first broken link, naming it, so it can run from cron or CI. */
async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const db = createPrisma(config.databaseUrl);
  try {
    const check = await verifyAuditTrail(db);
    if (check.ok) {
      console.log(`Audit trail intact: ${check.count} events verified; last hash ${check.lastHash}`);
      return 0;
    }
    console.error(`Audit trail BROKEN at event #${check.brokenAt.seq} (${check.brokenAt.id}): ${check.reason}. ${check.count} events before it verified.`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);

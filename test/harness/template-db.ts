import path from 'node:path';

const TMP = path.resolve(__dirname, '..', '..', '.tmp');

/**
 * Migrated once per test run by global-setup.ts; each harness copies it instead of migrating again. One file per
 * run, so two test runs on one machine (a developer and a helper, say) never pull it from under each other.
 */
export function templateDbPath(): string {
  const file = process.env.STEWARD_TEMPLATE_DB;
  if (!file) throw new Error('STEWARD_TEMPLATE_DB is not set: run the tests through jest (test/harness/global-setup.ts creates it)');
  return file;
}

export function newTemplateDbPath(): string {
  return path.join(TMP, `template-${process.pid}-${Date.now()}.db`);
}

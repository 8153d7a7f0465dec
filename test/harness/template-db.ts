import path from 'node:path';

/** Migrated once per test run by global-setup.ts; each harness copies it instead of migrating again. */
export const TEMPLATE_DB = path.resolve(__dirname, '..', '..', '.tmp', 'template.db');

import 'dotenv/config';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The schema reads env("DATABASE_URL"); without a value Prisma falls back to downloading native engines.
// Prisma 6's JavaScript engine: no native engine download, which this network (and many city networks) blocks.
const url = (process.env.DATABASE_URL ??= `file:${process.env.DATA_DIR ?? "./data"}/social-steward.db`);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});

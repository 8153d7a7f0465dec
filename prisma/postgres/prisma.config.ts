import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The PostgreSQL twin of prisma.config.ts, for `prisma generate` and `migrate diff` against prisma/postgres.
// Prisma's JavaScript engine needs an adapter even to generate; it connects only for commands that need a server.
// The schema's env("DATABASE_URL") must look like PostgreSQL even to generate, or Prisma falls back to downloading
// native engines; a SQLite URL left in the environment by the quick start is replaced by a placeholder.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) process.env.DATABASE_URL = 'postgresql://localhost:5432/postgres';
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});

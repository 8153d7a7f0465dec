import Database from 'better-sqlite3';
import { Client } from 'pg';
import { templateDbPath } from '../harness/template-db';
import { postgresUrl } from '../harness/test-database';

type Shape = Map<string, string>;

/** SQLite's column types as PostgreSQL spells the ones the translation gives them. */
const SQLITE_TO_PG: Record<string, string> = { TEXT: 'text', INTEGER: 'integer', DATETIME: 'timestamp without time zone', REAL: 'double precision', BLOB: 'bytea', BOOLEAN: 'boolean' };

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const shape: Shape = new Map();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as Array<{ name: string }>;
    for (const { name } of tables) {
      for (const c of db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string; type: string; notnull: number; pk: number }>) {
        shape.set(`${name}.${c.name}`, `${SQLITE_TO_PG[c.type] ?? c.type} ${c.notnull || c.pk ? 'NOT NULL' : 'NULL'}`);
      }
      for (const i of db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number; origin: string }>) {
        if (i.origin !== 'pk') shape.set(`index ${i.name}`, i.unique ? 'unique' : 'plain');
      }
    }
    return shape;
  } finally {
    db.close();
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const shape: Shape = new Map();
    const cols = await c.query<{ t: string; c: string; type: string; nullable: string }>(
      "SELECT table_name t, column_name c, data_type type, is_nullable nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    for (const r of cols.rows) shape.set(`${r.t}.${r.c}`, `${r.type} ${r.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`);
    const idx = await c.query<{ name: string; uniq: boolean }>(
      "SELECT i.relname name, x.indisunique uniq FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND NOT x.indisprimary AND i.relname NOT LIKE '_prisma_migrations%'",
    );
    for (const r of idx.rows) shape.set(`index ${r.name}`, r.uniq ? 'unique' : 'plain');
    return shape;
  } finally {
    await c.end();
  }
}

/** The drift check's second half: both migration folders, applied, give the same tables, columns and indexes. */
describe('the SQLite and PostgreSQL migrations build the same database', () => {
  it('every table has the same columns, types, nullability and indexes on both', async () => {
    const sqlite = sqliteShape(templateDbPath());
    const pg = await postgresShape(postgresUrl(process.env.STEWARD_TEMPLATE_PG!));
    expect(Object.fromEntries([...pg].sort())).toEqual(Object.fromEntries([...sqlite].sort()));
    expect(sqlite.size).toBeGreaterThan(100);
  });
});

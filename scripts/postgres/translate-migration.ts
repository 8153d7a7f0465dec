/**
 * Translates a migration Prisma wrote for SQLite into PostgreSQL (docs/decisions/0005-postgresql.md). It handles
 * what `migrate diff` writes for added tables, columns, indexes and seed rows; anything else (SQLite's
 * "RedefineTables" copy-and-swap for changed columns) is refused with the name of the hand-written file to add.
 */
const TYPES: ReadonlyArray<[RegExp, string]> = [
  [/\bINTEGER NOT NULL PRIMARY KEY AUTOINCREMENT\b/g, 'SERIAL NOT NULL PRIMARY KEY'],
  [/\bDATETIME\b/g, 'TIMESTAMP(3)'],
  [/\bREAL\b/g, 'DOUBLE PRECISION'],
  [/\bBLOB\b/g, 'BYTEA'],
  [/\bDECIMAL\b/g, 'DECIMAL(65,30)'],
];

/** SQLite-only statements: table rebuilds (PostgreSQL alters in place instead) and triggers (their bodies differ). */
const UNTRANSLATABLE = [/^\s*PRAGMA\b/im, /CREATE TABLE "new_/i, /RedefineTables/i, /\bAUTOINCREMENT\b/i, /\bCREATE TRIGGER\b/i];

export class UntranslatableMigration extends Error {
  constructor(readonly migration: string, readonly overridePath: string, reason: string) {
    super(
      `${migration}: ${reason}. Write its PostgreSQL version by hand in ${overridePath} ` +
        '(npx prisma migrate diff --from-schema-datamodel <previous pg schema> --to-schema-datamodel prisma/postgres/schema.prisma --script ' +
        'with a PostgreSQL server up), then run npm run db:pg:generate again.',
    );
    this.name = 'UntranslatableMigration';
  }
}

export function translateMigration(name: string, sqliteSql: string, overridePath: string): string {
  let sql = sqliteSql;
  for (const [from, to] of TYPES) sql = sql.replace(from, to);
  for (const pattern of UNTRANSLATABLE) {
    const hit = pattern.exec(sql);
    if (hit) throw new UntranslatableMigration(name, overridePath, `SQLite-only SQL "${hit[0].trim()}"`);
  }
  return sql;
}

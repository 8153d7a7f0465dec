import { loadConfig, ConfigError } from '../../src/config/config';
import { describeDatabase, dialectOf } from '../../src/store/dialect';

describe('DATABASE_URL picks the database; MIGRATE_ON_START whether the bot migrates it', () => {
  it('SQLite by default, migrated at start (the quick start)', () => {
    const c = loadConfig({});
    expect(dialectOf(c.databaseUrl)).toBe('sqlite');
    expect(c.migrateOnStart).toBe(true);
  });

  it('PostgreSQL from a postgres:// or postgresql:// URL, migrated by a deploy step unless told otherwise', () => {
    for (const url of ['postgres://steward:pw@db.example.org:5432/steward', 'postgresql://steward@127.0.0.1/steward?sslmode=require']) {
      const c = loadConfig({ DATABASE_URL: url });
      expect(dialectOf(c.databaseUrl)).toBe('postgres');
      expect(c.migrateOnStart).toBe(false);
    }
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db', MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
  });

  it('refuses any other URL or switch value, saying what to write', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL must be a SQLite file: URL .* or a PostgreSQL URL/);
    expect(() => loadConfig({ MIGRATE_ON_START: 'yes' })).toThrow(/MIGRATE_ON_START must be true or false/);
  });

  it('describes the database for the log without its password', () => {
    expect(describeDatabase('postgresql://steward:s3cret@db.example.org:6432/steward')).toEqual({ database: 'postgres', at: 'db.example.org:6432/steward' });
    expect(describeDatabase('file:./data/social-steward.db').at).toMatch(/\/data\/social-steward\.db$/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type Db } from '../../src/store/prisma';
import { aadFor, type Harness } from './bot-harness';
import { spawnBot, type ChildBot } from './child-bot';
import { FakeConnector } from './fake-connector';
import { TeamsUser } from './teams-client';
import { freshTestDatabase, type TestDatabase } from './test-database';

/**
 * Two bot processes (`src/main.ts`, as `npm run bot` runs it) on one fresh database, behind one fake Teams
 * connector, as a City runs them behind Azure Bot Service. A user's activities go to the processes in turn, so a
 * journey's clicks land on either. `db` is the test's own client, for looking at what the processes wrote.
 */
export class TwoBots {
  readonly connector = new FakeConnector();
  readonly bots: Array<ChildBot & { ready: Promise<string> }> = [];
  db!: Db;
  database!: TestDatabase;
  private readonly dataDir = mkdtempSync(path.join(tmpdir(), 'steward-two-'));
  private readonly users = new Map<string, TeamsUser>();
  private turn = 0;

  static async start(opts: { admins?: string[]; env?: Record<string, string> } = {}): Promise<TwoBots> {
    const t = new TwoBots();
    try {
      await t.connector.start();
      t.database = await freshTestDatabase(t.dataDir);
      t.db = createPrisma(t.database.url);
      for (let i = 0; i < 2; i++) t.bots.push(t.spawn(opts));
      await Promise.all(t.bots.map((b) => b.ready));
      return t;
    } catch (err) {
      // The test never gets `t` to stop: a process or server left running would keep Jest from exiting.
      await t.stop();
      throw err;
    }
  }

  env(opts: { admins?: string[]; env?: Record<string, string> } = {}): Record<string, string> {
    return {
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: this.dataDir,
      DATABASE_URL: this.database.url,
      FIRST_ADMINS: (opts.admins ?? []).map(aadFor).join(','),
      OUTBOX_POLL_MS: '50',
      LOG_LEVEL: 'warn',
      ...opts.env,
    };
  }

  /** Starts one more process on the same database (to replace one that was killed). */
  spawn(opts: { admins?: string[]; env?: Record<string, string> } = {}) {
    return spawnBot(this.env(opts));
  }

  /** The processes still running, in turn. */
  private nextUrl(): string {
    const live = this.bots.filter((b) => b.url && b.proc.exitCode === null && b.proc.signalCode === null);
    return live[this.turn++ % live.length].url;
  }

  user(name: string): TeamsUser {
    let u = this.users.get(name);
    if (!u) {
      u = new TeamsUser(name, aadFor(name), () => this.nextUrl(), this.connector);
      this.users.set(name, u);
    }
    return u;
  }

  /** The shape the journey helpers (presence-flow.ts) need: users, the connector, and a client on the database. */
  asHarness(): Harness {
    return { user: (n: string) => this.user(n), connector: this.connector, bot: { db: this.db } } as unknown as Harness;
  }

  async stop(): Promise<void> {
    for (const b of this.bots) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGTERM');
    await Promise.all(this.bots.map((b) => b.exited));
    await this.db?.$disconnect();
    await this.connector.stop();
    await this.database?.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

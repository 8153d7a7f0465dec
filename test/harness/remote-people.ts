import type { Db } from '../../src/store/prisma';
import { aadFor, type Harness } from './bot-harness';
import { FakeConnector } from './fake-connector';
import { TeamsUser } from './teams-client';

/**
 * Just enough of the in-process Harness for the journey helpers (setUp, fillRequest, ...), pointed at a bot in
 * another process: for tests that kill that process, and for benchmarks that measure it alone.
 */
export class RemotePeople {
  readonly connector = new FakeConnector();
  private readonly users = new Map<string, TeamsUser>();
  constructor(readonly bot: { db: Db; url: string }) {}

  user(name: string): TeamsUser {
    let u = this.users.get(name);
    if (!u) this.users.set(name, (u = new TeamsUser(name, aadFor(name), () => this.bot.url, this.connector)));
    return u;
  }

  /** Typed as the Harness the journey helpers take; they use only bot.db, connector and user(). */
  get harness(): Harness {
    return this as unknown as Harness;
  }
}

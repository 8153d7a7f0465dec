import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config';
import { ensureCredentialKey } from '../config/credential-key';
import { createLogger, type Logger } from '../log/logger';
import { createPrisma, type Db } from '../store/prisma';
import { applyMigrations, pendingMigrations } from '../store/migrate';
import { seedDepartments } from '../store/seed';
import { createAdapter, createApp } from '../teams/app';
import { OutboxWorker } from '../notify/outbox-worker';
import { TeamsSender } from '../notify/teams-sender';
import { createHttpServer } from './http-server';
import { cardPresenters } from '../../cards/presenters';

export interface RunningBot {
  url: string;
  port: number;
  config: Config;
  db: Db;
  worker: OutboxWorker;
  log: Logger;
  /** Stops taking requests, finishes turns in flight, stops the outbox worker, closes the database. */
  stop(): Promise<void>;
}

export async function startBot(baseConfig: Config, opts: { log?: Logger } = {}): Promise<RunningBot> {
  const log = opts.log ?? createLogger(baseConfig.logLevel);
  const config = baseConfig.local ? ensureCredentialKey(baseConfig) : baseConfig;
  if (!config.bot.appId) {
    log.warn('AUTHENTICATION IS OFF: no BOT_ID is set, so anyone who can reach this port can talk as any user. Local use only.');
  }
  if (config.databaseUrl.startsWith('file:')) mkdirSync(path.dirname(config.databaseUrl.slice('file:'.length)), { recursive: true });

  const db = createPrisma(config.databaseUrl);
  const pending = await pendingMigrations(db);
  if (pending.length) {
    log.info({ pending }, 'applying database migrations');
    await applyMigrations(config.databaseUrl);
  }
  await seedDepartments(db);

  const adapter = createAdapter(config);
  const sender = new TeamsSender(adapter, config.bot.appId ?? '', Math.max(1000, (config.outbox.leaseSeconds * 1000) / 2));
  const worker = new OutboxWorker(db, sender, log.child({ component: 'outbox' }), config.outbox);
  let url = '';
  const publicUrl = () => (config.botDomain ? `https://${config.botDomain}` : url);
  const app = createApp(adapter, { db, config, log, present: cardPresenters, now: () => new Date(), kickOutbox: () => worker.kick(), publicUrl });
  const http = createHttpServer({ adapter, app, db, log, config });

  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, () => resolve());
  });
  const port = (http.server.address() as AddressInfo).port;
  url = `http://${config.host}:${port}`;
  worker.start();
  log.info({ url, env: config.env, database: config.databaseUrl.startsWith('file:') ? 'sqlite' : 'external' }, 'Social Steward is listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      http.accepting.value = false;
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      const deadline = Date.now() + config.shutdownGraceMs;
      while (http.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await worker.stop();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
      await db.$disconnect();
      log.info('Social Steward stopped');
    })());

  return { url, port, config, db, worker, log, stop };
}

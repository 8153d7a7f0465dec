import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config';
import { ensureCredentialKey } from '../config/credential-key';
import { createLogger, type Logger } from '../log/logger';
import { createPrisma, dialectOfClient, type Db } from '../store/prisma';
import { ensureMigrated } from '../store/migrate';
import { describeDatabase } from '../store/dialect';
import { leaseGate } from '../store/job-lease';
import { seedDepartments } from '../store/seed';
import { useServerSettings } from '../store/sqlite-settings';
import { createApp } from '../teams/app';
import { createAdapter } from '../teams/adapter';
import { OutboxWorker } from '../notify/outbox-worker';
import { routeByKind, WebhookSender } from '../notify/webhook-sender';
import { TeamsSender } from '../notify/teams-sender';
import { createHttpServer } from './http-server';
import { cardPresenters } from '../../cards/presenters';
import { scheduleFreshness } from './freshness-schedule';

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
  const db = createPrisma(config.databaseUrl);
  try {
    await ensureMigrated(db, config.databaseUrl, { migrateOnStart: config.migrateOnStart, log });
    if (dialectOfClient(db) === 'sqlite') await useServerSettings(db);
    await seedDepartments(db);
  } catch (err) {
    await db.$disconnect();
    throw err;
  }

  const adapter = createAdapter(config);
  const sender = new TeamsSender(adapter, config.bot.appId ?? '', Math.max(1000, (config.outbox.leaseSeconds * 1000) / 2));
  // One process sends at a time, so Teams' per-conversation and per-tenant limits hold across replicas; a dead
  // sender's lease runs out after a few polls and another process takes over (docs/decisions/0005-postgresql.md).
  // The holder names the host and pid, so an operator (or a test) can tell which process is sending.
  const sending = leaseGate(db, 'outbox-sender', `${hostname()}:${process.pid}:${randomUUID()}`, Math.max(2000, config.outbox.pollMs * 5));
  // Webhook rows share the worker (retries, order per subscriber, dead letters) but go out over HTTP (issue 12).
  const webhooks = new WebhookSender(db, { credentialKey: config.credentialKey ?? '', allowedHosts: config.webhooks.allowedHosts, timeoutMs: config.webhooks.timeoutMs });
  const worker = new OutboxWorker(db, routeByKind(sender, webhooks), log.child({ component: 'outbox' }), { ...config.outbox, gate: sending.held });
  let url = '';
  const publicUrl = () => (config.botDomain ? `https://${config.botDomain}` : url);
  const app = createApp(adapter, { db, config, log, present: cardPresenters, now: () => new Date(), kickOutbox: () => worker.kick(), publicUrl });
  const http = createHttpServer({ adapter, app, db, log, config, publicUrl });

  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, () => resolve());
  });
  const port = (http.server.address() as AddressInfo).port;
  url = `http://${config.host}:${port}`;
  worker.start();
  const freshness = scheduleFreshness({ db, config, present: cardPresenters, now: () => new Date() }, `${hostname()}:${process.pid}:${randomUUID()}`, log.child({ component: 'freshness' }));
  log.info({ url, env: config.env, ...describeDatabase(config.databaseUrl) }, 'Social Steward is listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      http.accepting.value = false;
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      const deadline = Date.now() + config.shutdownGraceMs;
      while (http.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      freshness.stop();
      await worker.stop();
      await sending.release().catch((err) => log.warn({ err }, 'could not release the outbox sender lease'));
      await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
      await db.$disconnect();
      log.info('Social Steward stopped');
    })());

  return { url, port, config, db, worker, log, stop };
}

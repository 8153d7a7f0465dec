import { randomUUID } from 'node:crypto';
import restify, { type Server } from 'restify';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';
import type { Db } from '../store/prisma';
import { pendingMigrations } from '../store/migrate';
import { ZIncomingActivity } from './activity-schema';
import { registerDocumentRoute } from './document-route';
import { registerRecordsRoute } from './records-route';
import type { Config } from '../config/config';

export interface HttpServer {
  server: Server;
  /** Requests being handled now; shutdown waits for them. */
  inFlight(): number;
  accepting: { value: boolean };
}

export function createHttpServer(deps: { adapter: TeamsAdapter; app: Application<TurnState>; db: Db; log: Logger; config: Config }): HttpServer {
  const { adapter, app, db, log } = deps;
  const server = restify.createServer({ name: 'social-steward', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  let inFlight = 0;
  const accepting = { value: true };

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await db.$queryRawUnsafe('SELECT 1');
      const pending = await pendingMigrations(db);
      if (pending.length) return res.send(503, { status: 'not ready', reason: `migrations not applied: ${pending.join(', ')}` });
      if (!accepting.value) return res.send(503, { status: 'shutting down' });
      res.send(200, { status: 'ready' });
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      res.send(503, { status: 'not ready', reason: 'database unreachable' });
    }
  });

  registerDocumentRoute(server, deps);
  registerRecordsRoute(server, deps);

  server.post('/api/messages', async (req, res) => {
    const requestId = (req.header('x-request-id') as string | undefined) ?? randomUUID();
    const reqLog = log.child({ requestId });
    if (!accepting.value) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const parsed = ZIncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      reqLog.warn({ problems }, 'rejected malformed activity');
      res.send(400, { error: 'Not a valid Bot Framework activity', problems });
      return;
    }
    const a = parsed.data;
    const turnLog = reqLog.child({ activityId: a.id, actorAad: a.from.aadObjectId, type: a.type });
    inFlight += 1;
    const started = Date.now();
    try {
      await adapter.process(req, res, async (ctx) => {
        await app.run(ctx);
      });
      turnLog.info({ status: res.statusCode, ms: Date.now() - started }, 'turn done');
    } catch (err) {
      turnLog.error({ err }, 'turn crashed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
    }
  });

  // restify answers malformed JSON with 400 itself; log it so a misbehaving client shows up.
  server.on('restifyError', (req, res, err, cb) => {
    if (err.statusCode >= 400 && err.statusCode < 500) log.warn({ path: req.path(), status: err.statusCode, msg: err.message }, 'request rejected');
    return cb();
  });

  return { server, inFlight: () => inFlight, accepting };
}

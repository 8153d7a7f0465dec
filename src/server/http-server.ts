import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';
import type { Db } from '../store/prisma';
import { pendingMigrations } from '../store/migrate';
import { ZIncomingActivity } from './activity-schema';
import { registerDocumentRoute } from './document-route';
import { jsonActivityBody } from './json-body';
import { answerServerError, hideServerErrors } from './hide-server-errors';
import { registerRecordsRoute } from './records-route';
import { registerPublicRoutes } from './public/public-routes';
import type { Config } from '../config/config';

export interface HttpServer {
  server: Server;
  /** Requests being handled now; shutdown waits for them. */
  inFlight(): number;
  accepting: { value: boolean };
}

export function createHttpServer(deps: { adapter: TeamsAdapter; app: Application<TurnState>; db: Db; log: Logger; config: Config; publicUrl: () => string }): HttpServer {
  const { adapter, app, db, log } = deps;
  const server = restify.createServer({ name: 'social-steward', handleUncaughtExceptions: false });
  // No server-wide body parser: only /api/messages reads a body, and only uncompressed JSON (json-body.ts).
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
  registerPublicRoutes(server, deps);

  server.post('/api/messages', ...jsonActivityBody(), async (req: Request, res: Response) => {
    const requestId = (req.header('x-request-id') as string | undefined) ?? randomUUID();
    if (!accepting.value) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const parsed = ZIncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      log.warn({ requestId, problems }, 'rejected malformed activity');
      res.send(400, { error: 'Not a valid Bot Framework activity', problems });
      return;
    }
    const a = parsed.data;
    const fields = { requestId, activityId: a.id, actorAad: a.from.aadObjectId, type: a.type };
    // A pino child logger costs more than a help turn's database reads: one is made only when something goes wrong.
    let turnLog: Logger | undefined;
    const logOfTurn = () => (turnLog ??= log.child(fields));
    inFlight += 1;
    const started = Date.now();
    try {
      await adapter.process(req, hideServerErrors(res, logOfTurn) as unknown as Response, async (ctx) => {
        await app.run(ctx);
      });
      log.info({ ...fields, status: res.statusCode, ms: Date.now() - started }, 'turn done');
    } catch (err) {
      logOfTurn().error({ err }, 'turn crashed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
    }
  });

  // restify answers malformed JSON with 400 itself; log it so a misbehaving client shows up. A handler that threw
  // would be answered with its error's message (a database path, say): answer generically and log the detail.
  server.on('restifyError', (req, res, err, cb) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) answerServerError(res, status, err, log.child({ path: req.path() }), 'request failed');
    else if (status >= 400) log.warn({ path: req.path(), status, msg: err.message }, 'request rejected');
    return cb();
  });

  return { server, inFlight: () => inFlight, accepting };
}

import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Config } from '../../config/config';
import type { Db } from '../../store/prisma';
import { lastChanged } from '../../domain/public-posts';
import { publicPostVersion, publicPosts, publicPresenceById, publicRegistry } from '../../services/public/public-reads';
import type { FeedScope } from '../../services/public/public-views';
import { sendNotFound, sendPublic } from './conditional';
import { feedDocument } from './feed-documents';
import { FEED_FORMATS } from './public-paths';
import { postPage, presencePage, registryPage } from './public-pages';
import { registryJson } from './registry-json';
import { PUBLIC_CSS } from './stylesheet';

export interface PublicDeps {
  db: Db;
  config: Config;
  /** This server's own address, used when PUBLIC_BASE_URL is not set. */
  publicUrl(): string;
  now?(): Date;
}

const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const ZRound = z.coerce.number().int().min(1).max(100_000);
const ZFormat = z.enum(FEED_FORMATS);

const HTML = 'text/html; charset=utf-8';

/**
 * The City's public repository (issue 12, POST-7): the registry of official accounts, a page per account, every
 * approved version of a post at its own link, and feeds. No sign-in: these serve public fields only.
 */
export function registerPublicRoutes(server: Server, deps: PublicDeps): void {
  const { db, config } = deps;
  const now = () => deps.now?.() ?? new Date();
  const base = () => config.publicBaseUrl ?? `${deps.publicUrl()}/public`;
  const tz = config.timeZone;

  server.get('/public/style.css', async (req: Request, res: Response) => {
    sendPublic(req, res, { contentType: 'text/css; charset=utf-8', body: PUBLIC_CSS });
  });

  server.get('/public/registry', async (req: Request, res: Response) => {
    const presences = await publicRegistry(db);
    sendPublic(req, res, { contentType: HTML, body: registryPage(presences), lastModified: lastChanged(presences.map((p) => p.updatedAt)) });
  });

  server.get('/public/registry.json', async (req: Request, res: Response) => {
    const presences = await publicRegistry(db);
    sendPublic(req, res, { contentType: 'application/json; charset=utf-8', body: registryJson(presences, base()), lastModified: lastChanged(presences.map((p) => p.updatedAt)) });
  });

  server.get('/public/presences/:id', async (req: Request, res: Response) => {
    const id = ZId.safeParse(req.params.id);
    const presence = id.success ? await publicPresenceById(db, id.data) : undefined;
    if (!presence) return sendNotFound(res, 'That account');
    const posts = await publicPosts(db, { kind: 'presence', presenceId: presence.id }, now(), tz);
    sendPublic(req, res, { contentType: HTML, body: presencePage(presence, posts, tz), lastModified: lastChanged([presence.updatedAt, ...posts.map((p) => p.visibleAt)]) });
  });

  server.get('/public/posts/:postId/v/:round', async (req: Request, res: Response) => {
    const [id, round] = [ZId.safeParse(req.params.postId), ZRound.safeParse(req.params.round)];
    const post = id.success && round.success ? await publicPostVersion(db, id.data, round.data, now(), tz) : undefined;
    if (!post) return sendNotFound(res, 'That post');
    sendPublic(req, res, { contentType: HTML, body: postPage(post, tz), lastModified: post.visibleAt });
  });

  const feed = (scopeOf: (req: Request) => Promise<{ scope: FeedScope; title: string } | undefined>) => async (req: Request, res: Response) => {
    const format = ZFormat.safeParse(req.params.format);
    const found = format.success ? await scopeOf(req) : undefined;
    if (!format.success || !found) return sendNotFound(res, 'That feed');
    const posts = await publicPosts(db, found.scope, now(), tz);
    sendPublic(req, res, feedDocument({ ...found, base: base() }, posts, format.data));
  };

  server.get('/public/feeds/all/:format', feed(async () => ({ scope: { kind: 'all' }, title: 'all official accounts' })));
  server.get('/public/feeds/departments/:id/:format', feed(async (req) => {
    const id = ZId.safeParse(req.params.id);
    const dept = id.success ? await db.department.findUnique({ where: { id: id.data } }) : null;
    return dept ? { scope: { kind: 'department', departmentId: dept.id }, title: dept.name } : undefined;
  }));
  server.get('/public/feeds/presences/:id/:format', feed(async (req) => {
    const id = ZId.safeParse(req.params.id);
    const p = id.success ? await publicPresenceById(db, id.data) : undefined;
    return p ? { scope: { kind: 'presence', presenceId: p.id }, title: `${p.account} on ${p.platform}` } : undefined;
  }));
}

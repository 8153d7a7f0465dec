import type { Department, Presence } from '@prisma/client';
import { z } from 'zod';
import { currentVersions, visibleAt } from '../../domain/public-posts';
import { PLATFORM_LABELS } from '../../domain/presence-answers';
import { PRESENCE_STATE_LABELS } from '../../domain/presence';
import { postDraftOf, publishAtOf } from '../../domain/posts/compose-form';
import { ownLabel } from '../../domain/own-keys';
import type { Db } from '../../store/prisma';
import { valuesOf } from '../posts/post-facts';
import { PUBLIC_STATES, type FeedScope, type PublicPost, type PublicPresence } from './public-views';

/** The only registry-record field the public sees; the rest (people, purpose, approver) stays inside. */
const ZPublicRecord = z.looseObject({ cityWebPage: z.string().optional(), platformOther: z.string().optional() });

/** The newest approved versions read per request; a feed shows far fewer, so this only bounds the work. */
const VERSIONS_READ = 2_000;
export const FEED_ITEMS = 50;

function recordOf(json: string) {
  try {
    const r = ZPublicRecord.safeParse(JSON.parse(json));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

export function publicPresence(p: Presence, departments: ReadonlyMap<string, Department>): PublicPresence {
  const rec = recordOf(p.record);
  const platform = p.platform === 'other' && rec.platformOther ? rec.platformOther : ownLabel(PLATFORM_LABELS, p.platform);
  return {
    id: p.id,
    departmentId: p.departmentId,
    department: departments.get(p.departmentId)?.name ?? p.departmentId,
    platform,
    account: p.handle,
    address: p.accountUrl,
    state: p.state,
    stateLabel: ownLabel(PRESENCE_STATE_LABELS, p.state),
    cityPage: rec.cityWebPage?.startsWith('https://') ? rec.cityWebPage : null,
    updatedAt: p.updatedAt,
  };
}

async function departmentMap(db: Db): Promise<Map<string, Department>> {
  return new Map((await db.department.findMany()).map((d) => [d.id, d]));
}

/** The public registry, by department, platform and account. */
export async function publicRegistry(db: Db): Promise<PublicPresence[]> {
  const [presences, departments] = await Promise.all([db.presence.findMany({ where: { state: { in: [...PUBLIC_STATES] } } }), departmentMap(db)]);
  return presences.map((p) => publicPresence(p, departments)).sort((a, b) => a.department.localeCompare(b.department) || a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account));
}

export async function publicPresenceById(db: Db, id: string): Promise<PublicPresence | undefined> {
  const p = await db.presence.findUnique({ where: { id } });
  if (!p || !(PUBLIC_STATES as readonly string[]).includes(p.state)) return undefined;
  return publicPresence(p, await departmentMap(db));
}

/** A department's scope takes in its divisions' presences too. */
async function presencesIn(db: Db, scope: FeedScope): Promise<Presence[]> {
  const state = { in: [...PUBLIC_STATES] };
  if (scope.kind === 'presence') return db.presence.findMany({ where: { id: scope.presenceId, state } });
  if (scope.kind === 'all') return db.presence.findMany({ where: { state } });
  const divisions = await db.department.findMany({ where: { parentId: scope.departmentId }, select: { id: true } });
  return db.presence.findMany({ where: { departmentId: { in: [scope.departmentId, ...divisions.map((d) => d.id)] }, state } });
}

type RoundRow = { postId: string; round: number; decidedAt: Date | null; snapshot: string; post: { presenceId: string } };

function toPost(r: RoundRow & { decidedAt: Date }, presence: PublicPresence, timeZone: string, otherRounds: number[]): PublicPost {
  const values = valuesOf(r.snapshot);
  const draft = postDraftOf(values).draft;
  const at = publishAtOf(values, timeZone);
  const v = { postId: r.postId, round: r.round, decidedAt: r.decidedAt, publishAt: at.ok ? at.at : null };
  return { postId: r.postId, round: r.round, presence, text: draft.text, links: [...draft.links], images: draft.images.map((i) => ({ url: i.url, alt: i.alt })), visibleAt: visibleAt(v), otherRounds };
}

/** The current version of each approved post in scope that is public by `now`, newest first. */
export async function publicPosts(db: Db, scope: FeedScope, now: Date, timeZone: string, limit = FEED_ITEMS): Promise<PublicPost[]> {
  const [presences, departments] = await Promise.all([presencesIn(db, scope), departmentMap(db)]);
  if (!presences.length) return [];
  const byId = new Map(presences.map((p) => [p.id, publicPresence(p, departments)]));
  const rows = await db.postRound.findMany({
    where: { status: 'approved', decidedAt: { not: null }, ...(scope.kind === 'all' ? {} : { post: { presenceId: { in: [...byId.keys()] } } }) },
    select: { postId: true, round: true, decidedAt: true, snapshot: true, post: { select: { presenceId: true } } },
    orderBy: [{ decidedAt: 'desc' }, { id: 'asc' }],
    take: VERSIONS_READ,
  });
  const versions = rows.flatMap((r) => {
    const publishAt = publishAtOf(valuesOf(r.snapshot), timeZone);
    return r.decidedAt && byId.has(r.post.presenceId) ? [{ ...r, decidedAt: r.decidedAt, publishAt: publishAt.ok ? publishAt.at : null }] : [];
  });
  return currentVersions(versions, now)
    .slice(0, limit)
    .map((v) => toPost(v, byId.get(v.post.presenceId)!, timeZone, v.otherRounds));
}

/** One approved version by its own link, if it is public by `now`; any other round (pending, returned) is not. */
export async function publicPostVersion(db: Db, postId: string, round: number, now: Date, timeZone: string): Promise<PublicPost | undefined> {
  const row = await db.postRound.findUnique({ where: { postId_round: { postId, round } }, select: { postId: true, round: true, status: true, decidedAt: true, snapshot: true, post: { select: { presenceId: true } } } });
  if (!row || row.status !== 'approved' || !row.decidedAt) return undefined;
  const presence = await publicPresenceById(db, row.post.presenceId);
  if (!presence) return undefined;
  const post = toPost({ ...row, decidedAt: row.decidedAt }, presence, timeZone, []);
  if (post.visibleAt > now) return undefined;
  const others = await db.postRound.findMany({ where: { postId, status: 'approved', decidedAt: { not: null }, round: { not: round } }, select: { postId: true, round: true, decidedAt: true, snapshot: true, post: { select: { presenceId: true } } } });
  // Every other public version of the same post, newest first: the page links to each.
  const visibleOthers = others.flatMap((o) => (o.decidedAt && toPost({ ...o, decidedAt: o.decidedAt }, presence, timeZone, []).visibleAt <= now ? [o.round] : []));
  return { ...post, otherRounds: visibleOthers.sort((a, b) => b - a) };
}

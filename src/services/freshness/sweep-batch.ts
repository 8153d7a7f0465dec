import type { SweptPresence } from '../../domain/freshness/plan-owner';
import type { Db } from '../../store/prisma';

export interface OwnerBatch {
  /** Owners in Person.id order, each with their live presences. */
  owners: Array<{ ownerId: string; presences: SweptPresence[] }>;
  /** Owners whose digest for this week is already committed (a resumed sweep skips them). */
  done: Set<string>;
}

/**
 * One page of the sweep: up to `size` owners of live presences after `cursor`, with every fact the rule needs read
 * in four set-based queries, so memory is bounded by the page and the time grows with the number of presences.
 * A post marked as published sets the presence's lastActivityAt (POST-7 / FRESH-1), read here as `lastPostAt`.
 */
export async function loadOwnerBatch(db: Db, weekKey: string, cursor: string | null, size: number): Promise<OwnerBatch> {
  const groups = await db.presence.groupBy({
    by: ['ownerId'],
    where: { state: 'active', ...(cursor ? { ownerId: { gt: cursor } } : {}) },
    orderBy: { ownerId: 'asc' },
    take: size,
  });
  const ownerIds = groups.map((g) => g.ownerId);
  if (!ownerIds.length) return { owners: [], done: new Set() };

  const presences = await db.presence.findMany({
    where: { state: 'active', ownerId: { in: ownerIds } },
    select: { id: true, ownerId: true, handle: true, platform: true, noticeConfirmedAt: true, lastActivityAt: true },
    orderBy: [{ ownerId: 'asc' }, { id: 'asc' }],
  });
  const ids = presences.map((p) => p.id);
  const [confirmed, nudges, open, digests] = await Promise.all([
    inChunks(ids, (chunk) => db.presenceConfirmation.groupBy({ by: ['presenceId'], where: { presenceId: { in: chunk } }, _max: { at: true } })),
    inChunks(ids, (chunk) => db.freshnessNudge.findMany({ where: { presenceId: { in: chunk } }, select: { presenceId: true, sentAt: true, weekKey: true } })),
    inChunks(ids, (chunk) => db.freshnessEscalation.findMany({ where: { presenceId: { in: chunk }, status: 'open' }, select: { presenceId: true } })),
    inChunks(ownerIds, (chunk) => db.freshnessDigest.findMany({ where: { weekKey, ownerId: { in: chunk } }, select: { ownerId: true } })),
  ]);
  const confirmedAt = new Map(confirmed.map((c) => [c.presenceId, c._max.at]));
  const nudgedAt = new Map<string, Date[]>();
  const thisWeek = new Set<string>();
  for (const n of nudges) {
    nudgedAt.set(n.presenceId, [...(nudgedAt.get(n.presenceId) ?? []), n.sentAt]);
    if (n.weekKey === weekKey) thisWeek.add(n.presenceId);
  }
  const escalated = new Set(open.map((o) => o.presenceId));

  const byOwner = new Map<string, SweptPresence[]>(ownerIds.map((id) => [id, []]));
  for (const p of presences) {
    byOwner.get(p.ownerId)!.push({
      id: p.id,
      handle: p.handle,
      platform: p.platform,
      // Going live stamps noticeConfirmedAt (REG-5, go-live.ts): that is when the presence went live.
      wentLiveAt: p.noticeConfirmedAt,
      confirmedAt: confirmedAt.get(p.id) ?? null,
      lastPostAt: p.lastActivityAt,
      nudgedAt: nudgedAt.get(p.id) ?? [],
      openEscalation: escalated.has(p.id),
      nudgedThisWeek: thisWeek.has(p.id),
    });
  }
  return { owners: ownerIds.map((ownerId) => ({ ownerId, presences: byOwner.get(ownerId)! })), done: new Set(digests.map((d) => d.ownerId)) };
}

/** SQLite caps the parameters of one statement: a page's ids are asked about a few hundred at a time. */
async function inChunks<T>(ids: string[], query: (chunk: string[]) => Promise<T[]>, size = 400): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}

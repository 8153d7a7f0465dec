import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { isIt } from '../../domain/oversight/correction-rule';
import { POST_STATUS_LABELS, type PostStatus } from '../../domain/posts/post-rules';
import { ownLabel } from '../../domain/own-keys';
import { AppError } from '../../errors/app-error';
import type { Services } from '../context';
import { loadPresence } from '../presence/load-presence';
import { personName } from '../posts/post-facts';
import { platformLabel } from '../posts/post-reads';
import { textOf } from './post-history';
import type { OversightView } from './oversight-views';

/** The newest posts listed; older ones stay in the records export (REC-2). */
const POSTS_LISTED = 10;
const excerpt = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t || '(no text)';
};

/**
 * REC-3, REC-4: IT's view of one presence: its newest posts, each one tap from its history (where IT records an
 * edit or removal), and its referrals to the Police Department with the records each keeps.
 */
export async function presenceOversight(svc: Pick<Services, 'db' | 'config'>, actor: Actor, presenceId: string, notice?: OversightView['notice']): Promise<OversightView> {
  if (!isIt(actor)) throw new AppError('NOT_AUTHORIZED', 'Only IT (an IT reviewer or the IT Director) sees the oversight of a presence.');
  const { db, config } = svc;
  const presence = await loadPresence(db, presenceId);
  const [posts, referrals, holds] = await Promise.all([
    db.post.findMany({ where: { presenceId }, orderBy: { createdAt: 'desc' }, take: POSTS_LISTED }),
    db.policeReferral.findMany({ where: { presenceId }, orderBy: { createdAt: 'asc' } }),
    db.recordHold.findMany({ where: { OR: [{ entityType: 'presence', entityId: presenceId }, { entityType: 'post', entityId: { in: (await db.post.findMany({ where: { presenceId }, select: { id: true } })).map((p) => p.id) } }] } }),
  ]);
  const corrections = await db.postCorrection.groupBy({ by: ['postId'], where: { presenceId }, _count: { _all: true } });
  const correctionCount = new Map(corrections.map((c) => [c.postId, c._count._all]));
  const heldPosts = new Set(holds.filter((h) => h.entityType === 'post').map((h) => h.entityId));
  const postText = new Map(posts.map((p) => [p.id, excerpt(textOf(p.draft))]));
  const lines: OversightView['referrals'] = [];
  for (const r of referrals) {
    const kept = holds.filter((h) => h.referralId === r.id).map((h) => (h.entityType === 'presence' ? `The presence ${presence.handle}` : `Post: ${postText.get(h.entityId) ?? h.entityId}`));
    lines.push({ caseNumber: r.caseNumber, foundOn: r.foundAt.toISOString().slice(0, 10), reportedOn: r.reportedAt.toISOString().slice(0, 10), by: await personName(db, r.byId), held: kept, note: r.note });
  }
  return {
    presenceId,
    handle: presence.handle,
    platformLabel: platformLabel(presence.platform),
    referrals: lines,
    posts: posts.map((p) => ({ postId: p.id, statusLabel: ownLabel(POST_STATUS_LABELS as Record<PostStatus, string>, p.status), excerpt: postText.get(p.id)!, corrections: correctionCount.get(p.id) ?? 0, held: heldPosts.has(p.id) })),
    canRefer: hasRole(actor, 'it_director'),
    ...(notice ? { notice } : {}),
  };
}

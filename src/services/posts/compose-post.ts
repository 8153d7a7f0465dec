import type { Actor } from '../../domain/roles';
import { applyFix } from '../../domain/posts/apply-fix';
import { canDraftFor, canEditPost } from '../../domain/posts/post-rules';
import { postDraftOf, withText } from '../../domain/posts/compose-form';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { saveStepAndShow, type Nav } from '../engines/guided-flow';
import { orAsItStands } from '../engines/stale-click';
import { findingsFor, loadPost, personName, postFacts, presenceFacts, valuesOf } from './post-facts';
import { postFlow } from './post-flow';
import { postView } from './post-reads';
import type { PostView } from './post-views';

type Svc = Pick<Services, 'db' | 'config' | 'now'>;
const asItStands = (svc: Svc, actor: Actor, postId: string) => (why: string) => postView(svc, actor, postId, { notice: { text: why, color: 'warning' } });

/** POST-1: a new draft for a presence the person may post for; anyone else is told who to ask. */
export async function startPost(svc: Svc, actor: Actor, presenceId: string): Promise<PostView> {
  const presence = await svc.db.presence.findUnique({ where: { id: presenceId } });
  if (!presence) throw new AppError('NOT_FOUND', 'That presence is not in the registry. Type "draft a post" for a fresh list.');
  const allowed = canDraftFor(presenceFacts(presence), actor, await personName(svc.db, presence.ownerId));
  if (allowed.refused) refusedWith(allowed);
  const post = await svc.db.$transaction(async (tx) => {
    const created = await tx.post.create({ data: { presenceId, drafterId: actor.personId, status: 'draft', draft: '{}' } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'post.started', entityType: 'post', entityId: created.id, data: { presenceId, handle: presence.handle } }, svc.now());
    return created;
  }, TX_OPTIONS);
  return postView(svc, actor, post.id, { compose: true });
}

/** The compose card's Save / Check and continue, on the guided-flow engine; the card comes back re-checked. */
export async function savePost(svc: Svc, actor: Actor, input: { postId: string; nav: Nav; values: Record<string, unknown> }): Promise<PostView> {
  const post = await loadPost(svc.db, input.postId);
  if (post.drafterId !== actor.personId) throw new AppError('NOT_AUTHORIZED', 'Only the person who drafted this post can change it. Nothing was changed.');
  const flow = postFlow(post.presence, svc.config);
  // The summary is the post as it will read, with Submit (no compose form).
  return saveStepAndShow(flow, {
    step: (id, _s, extra) => postView(svc, actor, id, { compose: true, values: extra.draft, errors: extra.errors, ...(extra.saved ? { notice: { text: 'Draft saved and checked.', color: 'default' } } : {}) }),
    summary: (id) => postView(svc, actor, id),
    asItStands: (id, why) => asItStands(svc, actor, id)(why),
  }, svc, actor, { id: input.postId, step: 1, nav: input.nav, values: input.values });
}

/** The compose card for editing (an approved post becomes a new version once saved). */
export function editPost(svc: Svc, actor: Actor, postId: string): Promise<PostView> {
  return orAsItStands(async () => {
    const post = await loadPost(svc.db, postId);
    const allowed = canEditPost(postFacts(post), actor);
    if (allowed.refused) refusedWith(allowed);
    return postView(svc, actor, postId, { compose: true });
  }, asItStands(svc, actor, postId));
}

/**
 * A one-click fix (ADR 0009): the card names the finding's code and index only; the server checks the stored
 * draft again, takes the fix from its own findings and applies it. A card older than the draft gets it as it stands.
 */
export function fixPost(svc: Svc, actor: Actor, input: { postId: string; version: number; code: string; index: number }): Promise<PostView> {
  return orAsItStands(async () => {
    await svc.db.$transaction(async (tx) => {
      const post = await loadPost(tx, input.postId);
      const allowed = canEditPost(postFacts(post), actor);
      if (allowed.refused) refusedWith(allowed);
      if (post.version !== input.version) throw new AppError('STALE_CARD', 'The post changed since this card was shown; here it is as it stands now.');
      const values = valuesOf(post.draft);
      const finding = findingsFor(values, post.presence, svc.config)[input.index];
      if (!finding || finding.code !== input.code || !finding.fix) throw new AppError('STALE_CARD', 'That fix no longer applies; here is the post checked again.');
      const fixed = applyFix(postDraftOf(values).draft, finding.fix);
      if (fixed.refused) refusedWith(fixed);
      await tx.post.update({ where: { id: post.id }, data: { draft: JSON.stringify(withText(values, fixed.draft.text)), version: { increment: 1 }, ...(post.status === 'approved' ? { status: 'draft' } : {}) } });
      await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'post.fixed', entityType: 'post', entityId: post.id, data: { code: finding.code, rule: finding.rule, fix: finding.fix.label } }, svc.now());
    }, TX_OPTIONS);
    return postView(svc, actor, input.postId, { compose: true, notice: { text: 'Fixed and checked again.', color: 'default' } });
  }, asItStands(svc, actor, input.postId));
}

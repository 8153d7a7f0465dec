import type { Actor } from '../../domain/roles';
import { canMarkPublished } from '../../domain/posts/post-rules';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { orAsItStands } from '../engines/stale-click';
import { loadPost, postFacts, presenceFacts } from './post-facts';
import { postView } from './post-reads';
import type { PostView } from './post-views';
import { enqueuePostEvent } from '../webhooks/webhook-events';

/**
 * "Mark as published": the approved post's platform address is recorded, and the presence's last activity is set
 * (the freshness sweep reads Presence.lastActivityAt), in one transaction with its audit event.
 */
export function markPublished(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, input: { postId: string; url: string }): Promise<PostView> {
  return orAsItStands(async () => {
    const at = svc.now();
    await svc.db.$transaction(async (tx) => {
      const post = await loadPost(tx, input.postId);
      const allowed = canMarkPublished(postFacts(post), presenceFacts(post.presence), actor);
      if (allowed.refused) refusedWith(allowed);
      const moved = await tx.post.updateMany({ where: { id: post.id, status: 'approved' }, data: { status: 'published', publishedUrl: input.url, publishedAt: at, version: { increment: 1 } } });
      if (moved.count === 0) throw new AppError('STALE_CARD', 'This post changed just now; here it is as it stands.');
      await tx.presence.update({ where: { id: post.presenceId }, data: { lastActivityAt: at } });
      await enqueuePostEvent(tx, svc.config, 'post.published', post.id, post.round, at);
      await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'post.published', entityType: 'post', entityId: post.id, data: { url: input.url, presenceId: post.presenceId, round: post.round } }, at);
    }, TX_OPTIONS);
    return postView(svc, actor, input.postId, { notice: { text: "Marked published. The presence's last activity is now today.", color: 'good' } });
  }, (why) => postView(svc, actor, input.postId, { notice: { text: why, color: 'warning' } }));
}

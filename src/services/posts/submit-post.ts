import type { Actor } from '../../domain/roles';
import { canSubmitPost } from '../../domain/posts/post-rules';
import { blocking } from '../../domain/posts/check-post';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson, type OutgoingMessage } from '../../notify/outbox';
import { bindingKey } from '../../domain/channels';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../context';
import { hashCard } from '../engines/card-hash';
import { orAsItStands } from '../engines/stale-click';
import { approvalView, loadRound } from './approval-views';
import { findingsFor, loadPost, postFacts, presenceFacts, valuesOf } from './post-facts';
import { postView } from './post-reads';
import { findingViews, type PostView } from './post-views';

type Svc = Pick<Services, 'db' | 'config' | 'now' | 'present'>;

/**
 * POST-6: a copy of the approval card goes to the department's own Post approval channel, else to the one bound for
 * every other department, else nowhere (the approving authority still has it in their personal chat).
 */
async function toApprovalChannel(tx: Tx, departmentId: string, message: OutgoingMessage) {
  for (const department of [departmentId, undefined]) {
    if (await tx.channelBinding.findUnique({ where: { purpose: bindingKey('post_approval', department) } })) return enqueueToChannel(tx, 'post_approval', message, department);
  }
  return null;
}

/**
 * POST-6: the drafter submits; the checks run once more and anything blocking refuses it. A new round keeps the
 * draft as submitted and its findings as shown; the approval card goes to the presence's approving authority in
 * their personal chat, and to the department's post-approval channel when an admin has bound one.
 */
export function submitPost(svc: Svc, actor: Actor, postId: string): Promise<PostView> {
  return orAsItStands(async () => {
    await svc.db.$transaction(async (tx) => {
      const post = await loadPost(tx, postId);
      const findings = findingsFor(valuesOf(post.draft), post.presence, svc.config);
      const allowed = canSubmitPost(postFacts(post), actor, blocking(findings).length);
      if (allowed.refused) refusedWith(allowed);
      const approverId = presenceFacts(post.presence).approverId;
      if (!approverId) throw new AppError('INVALID_INPUT', `The registry record of ${post.presence.handle} names no approving authority. Ask its owner to edit its details. Nothing was changed.`);
      const round = post.round + 1;
      const moved = await tx.post.updateMany({ where: { id: post.id, version: post.version, status: { in: ['draft', 'returned'] } }, data: { status: 'in_review', round, version: { increment: 1 } } });
      if (moved.count === 0) throw new AppError('STALE_CARD', 'This post changed just now; here it is as it stands.');
      const created = await tx.postRound.create({ data: { postId: post.id, round, snapshot: post.draft, findings: JSON.stringify(findingViews(findings)), approverId, cardHash: '' } });
      const card = svc.present.postApprovalCard(await approvalView(tx, (await loadRound(tx, created.id))!, svc.config.timeZone));
      const summary = `Post for ${post.presence.handle} waiting for your approval`;
      const sent = await enqueueToPerson(tx, approverId, { card, summary });
      const channel = await toApprovalChannel(tx, post.presence.departmentId, { card, summary });
      await tx.postRound.update({ where: { id: created.id }, data: { cardHash: hashCard(card), cardOutboxId: sent.id, channelOutboxId: channel?.id ?? null } });
      await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'post.submitted', entityType: 'post', entityId: post.id, data: { round, approverId, flags: findings.filter((f) => f.severity === 'flag').map((f) => f.code) } }, svc.now());
    }, TX_OPTIONS);
    return postView(svc, actor, postId, { notice: { text: 'Sent to the approving authority. You will be told when they decide.', color: 'default' } });
  }, (why) => postView(svc, actor, postId, { notice: { text: why, color: 'warning' } }));
}

import type { Actor } from '../../domain/roles';
import { decidePost as rule, type PostDecision } from '../../domain/posts/post-rules';
import { enqueueToPerson, enqueueUpdate } from '../../notify/outbox';
import type { Services } from '../context';
import type { NoticeView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { approvalView, canSeeRound, loadRound, storedFindings, type RoundWithPost } from './approval-views';
import { presenceFacts } from './post-facts';
import type { PostApprovalView } from './post-views';
import { postDone } from '../reviews/decision-done';
import { enqueuePostEvent } from '../webhooks/webhook-events';

export type PostDecisionInput = { decision: PostDecision; reason?: string };
type Verdict = { next: 'approved' | 'returned' };

/** POST-6 on the decide-on-card engine: never the drafter, exactly once, a reason to return or to approve over flags. */
export const postDecision = (timeZone: string): DecisionSpec<RoundWithPost, PostApprovalView, PostDecisionInput, Verdict> => ({
  notFound: 'That post is no longer waiting for approval. Type "my posts" to see yours.',
  notAllowed: () => "Only the presence's approving authority or its department head can see this post.",
  load: loadRound,
  canSee: canSeeRound,
  view: (db, r, extra) => approvalView(db, r, timeZone, extra),
  render: (present, view) => present.postApprovalCard(view),
  rule: (r, actor, input) => rule(presenceFacts(r.post.presence), r.post, r, actor, { ...input, flags: storedFindings(r.findings).filter((f) => f.severity === 'flag').length }),
  async write(tx, r, verdict, input, by) {
    const status = verdict.next === 'approved' ? 'approved' : 'returned';
    const { count } = await tx.postRound.updateMany({ where: { id: r.id, status: 'pending' }, data: { status, deciderId: by.actor.personId, decidedAt: by.at, reason: input.reason?.trim() || null } });
    if (count === 0) return false;
    const moved = await tx.post.updateMany({ where: { id: r.postId, status: 'in_review', round: r.round }, data: { status, version: { increment: 1 } } });
    return moved.count > 0;
  },
  audit: (r, verdict, input) => ({ action: 'post.decided', entityType: 'post', entityId: r.postId, data: { roundId: r.id, round: r.round, decision: verdict.next, reason: input.reason?.trim() || null } }),
  async after(tx, r, verdict, input, { actor, at, services }) {
    // The channel copy is updated too; the engine updates the approver's personal card.
    if (r.channelOutboxId) {
      const now = (await loadRound(tx, r.id))!;
      await enqueueUpdate(tx, r.channelOutboxId, { card: services.present.postApprovalCard(await approvalView(tx, now, timeZone)), summary: `Decided: ${verdict.next}` });
    }
    const approved = verdict.next === 'approved';
    // Subscribers hear of it in this transaction: no event for a decision that did not commit (issue 12).
    if (approved) await enqueuePostEvent(tx, services.config, 'post.approved', r.postId, r.round, at);
    const notice: NoticeView = {
      headline: approved ? 'Your post is approved' : 'Your post was returned',
      detail: approved ? `${actor.name} approved it${input.reason ? `: ${input.reason}` : ''}. Publish it, then mark it published with its address.` : `${actor.name}: ${input.reason}`,
      color: approved ? 'good' : 'attention',
      about: `Post for ${r.post.presence.handle}`,
      action: { title: approved ? 'Open post' : 'Revise post', verb: approved ? 'post.open' : 'post.edit', postId: r.postId },
    };
    await enqueueToPerson(tx, r.post.drafterId, { summary: notice.headline, card: services.present.noticeCard(notice) });
  },
  cardOutboxId: (r) => r.cardOutboxId,
  storedCardHash: (r) => r.cardHash || null,
  updateSummary: (verdict) => `Decided: ${verdict.next}`,
  done: postDone,
});

export function decidePost(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { roundId: string } & PostDecisionInput) {
  return decideOnCard(postDecision(services.config.timeZone), services, actor, input.roundId, { decision: input.decision, reason: input.reason });
}

import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { AppError } from '../../src/errors/app-error';
import { personalOnly } from '../../src/teams/personal-only';
import type { AdaptiveCard } from '../../cards/common/elements';
import { editPost, fixPost, savePost, startPost } from '../../src/services/posts/compose-post';
import { submitPost } from '../../src/services/posts/submit-post';
import { decidePost } from '../../src/services/posts/decide-post';
import { markPublished } from '../../src/services/posts/publish-post';
import { myPosts, postView, presencesToPostFor } from '../../src/services/posts/post-reads';
import { myPostsCard, presencePickerCard } from '../../cards/posts/post-lists';
import { postCard } from '../../cards/posts/post-card';
import { postApprovalCard } from '../../cards/posts/approval-card';
import { afterDecision } from '../reviews/after-decision';

const NO_POST = 'This card does not name a post. Type "my posts" for a fresh card.';
const personal = (_a: unknown, where: { kind: string }) => where.kind === 'personal';

/** Drafts stay in the personal chat (CARDS.md); only the approval card is also decided in a channel. */
const inPersonalChat = <A extends unknown[]>(handler: (turn: Turn, ...rest: A) => Promise<AdaptiveCard>) => personalOnly<A>({ what: 'Posts are drafted', command: 'draft a post' }, handler);

/** Issue 11, POST-1..POST-6: draft a post with its checks beside it, the approving authority decides on a card. */
export function register(router: Router): void {
  router.entry(
    { title: 'Draft a post', description: 'Write a post for a presence you speak for, with the policy checks beside it, and send it for approval.', verb: 'post.start', command: 'draft a post', visible: personal },
    inPersonalChat(async (turn) => presencePickerCard(await presencesToPostFor(turn.services, turn.actor))),
  );
  router.entry(
    { title: 'My posts', description: 'Your drafts, posts waiting for approval, approved and published ones.', verb: 'posts.mine', command: 'my posts', visible: personal },
    inPersonalChat(async (turn) => myPostsCard(await myPosts(turn.services, turn.actor))),
  );

  router.verb('post.new', inPersonalChat(async (turn, data) => postCard(await startPost(turn.services, turn.actor, data.presenceId))), async (turn, bad) =>
    presencePickerCard(await presencesToPostFor(turn.services, turn.actor), bad.errors.presenceId),
  );
  router.verb('post.step', inPersonalChat(async (turn, { verb: _verb, postId, nav, ...values }) => postCard(await savePost(turn.services, turn.actor, { postId, nav, values }))), async (_turn, bad) => {
    throw new AppError('INVALID_INPUT', bad.errors.postId ?? bad.errors.nav ?? Object.values(bad.errors)[0] ?? NO_POST);
  });
  router.verb('post.fix', inPersonalChat(async (turn, data) => postCard(await fixPost(turn.services, turn.actor, data))), NO_POST);
  router.verb('post.open', inPersonalChat(async (turn, data) => postCard(await postView(turn.services, turn.actor, data.postId))), NO_POST);
  router.verb('post.edit', inPersonalChat(async (turn, data) => postCard(await editPost(turn.services, turn.actor, data.postId))), NO_POST);
  router.verb('post.submit', inPersonalChat(async (turn, data) => postCard(await submitPost(turn.services, turn.actor, data.postId))), NO_POST);
  router.verb('post.decide', async (turn, data) => afterDecision(turn, await decidePost(turn.services, turn.actor, data), postApprovalCard), async (_turn, bad) => {
    throw new AppError('INVALID_INPUT', bad.errors.reason ?? 'This card does not name a post round.');
  });
  router.verb('post.publish', inPersonalChat(async (turn, data) => postCard(await markPublished(turn.services, turn.actor, data))), async (_turn, bad) => {
    throw new AppError('INVALID_INPUT', bad.errors.url ?? NO_POST);
  });
}

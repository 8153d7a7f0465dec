import { hasRole, type Actor } from '../roles';
import { refuse, type Result } from '../result';
import { PRESENCE_STATE_LABELS, type PresenceState } from '../presence';

/**
 * Who may do what with a post, and when (POST-1, POST-5, POST-6). Pure: services pass the facts, never rows.
 * A post lives as draft -> in_review -> returned (revise, resubmit) or approved -> published. An edit of an
 * approved post makes a new draft that needs approval again; the approved round stays as it was.
 */
export const POST_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  in_review: 'Waiting for approval',
  returned: 'Returned for changes',
  approved: 'Approved',
  published: 'Published',
};

/** The registry facts POST-1 and POST-6 read: who owns the presence, its spokespersons, its approving authority. */
export interface PostPresenceFacts {
  ownerId: string;
  departmentId: string;
  state: PresenceState;
  handle: string;
  approverId?: string;
  spokespersonIds: readonly string[];
}

export interface PostFacts {
  drafterId: string;
  status: PostStatus;
}

const mayPostFor = (p: PostPresenceFacts, actor: Pick<Actor, 'personId'>) => p.ownerId === actor.personId || p.spokespersonIds.includes(actor.personId);

/** POST-1: the owner and the spokespersons named in the registry record draft for an active presence. */
export function canDraftFor(p: PostPresenceFacts, actor: Pick<Actor, 'personId'>, ownerName: string): Result {
  if (!mayPostFor(p, actor)) {
    return refuse('NOT_AUTHORIZED', `Only the owner and the spokespersons named in the registry record of ${p.handle} draft its posts. Ask ${ownerName}, its owner, to name you as a spokesperson (an edit of its registry record).`);
  }
  if (p.state !== 'active') return refuse('STALE_CARD', `${p.handle} is ${PRESENCE_STATE_LABELS[p.state].toLowerCase()}: posts are drafted only for an active presence. Ask ${ownerName}, its owner.`);
  return { refused: false };
}

/** The drafter edits a draft, a returned post, or an approved one not yet published (which makes a new version). */
export function canEditPost(post: PostFacts, actor: Pick<Actor, 'personId'>): Result {
  if (post.drafterId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the person who drafted this post can change it.');
  if (post.status === 'in_review') return refuse('STALE_CARD', 'This post is waiting for approval; it cannot change until it is approved or returned.');
  if (post.status === 'published') return refuse('STALE_CARD', 'This post is published; its approved version is kept as it was.');
  return { refused: false };
}

export function canSubmitPost(post: PostFacts, actor: Pick<Actor, 'personId'>, blockingCount: number): Result {
  if (post.drafterId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the person who drafted this post can submit it.');
  if (post.status !== 'draft' && post.status !== 'returned') return refuse('STALE_CARD', `This post is ${POST_STATUS_LABELS[post.status].toLowerCase()}; there is nothing to submit.`);
  if (blockingCount > 0) return refuse('INVALID_INPUT', `Fix the ${blockingCount === 1 ? 'problem' : `${blockingCount} problems`} marked "must fix" first.`);
  return { refused: false };
}

export type PostDecision = 'approve' | 'return';

/** Who may decide a round: the presence's approving authority or its department's head, never the drafter. */
export function mayDecidePost(p: Pick<PostPresenceFacts, 'approverId' | 'departmentId'>, post: Pick<PostFacts, 'drafterId'>, actor: Pick<Actor, 'personId' | 'roles'>): boolean {
  if (actor.personId === post.drafterId) return false;
  return p.approverId === actor.personId || hasRole(actor, 'department_head', p.departmentId);
}

/** POST-6 (and POST-5: approving over a flag needs a reason). Exactly once: the round must still be pending. */
export function decidePost(
  p: Pick<PostPresenceFacts, 'approverId' | 'departmentId'>,
  post: Pick<PostFacts, 'drafterId'>,
  round: { status: string },
  actor: Pick<Actor, 'personId' | 'roles'>,
  input: { decision: PostDecision; reason?: string; flags: number },
): Result<{ next: 'approved' | 'returned' }> {
  if (actor.personId === post.drafterId) return refuse('NOT_AUTHORIZED', 'You drafted this post, so someone else approves it.');
  if (!mayDecidePost(p, post, actor)) return refuse('NOT_AUTHORIZED', "Only the presence's approving authority or its department head decides on its posts.");
  if (round.status !== 'pending') return refuse('STALE_CARD', 'This post was already decided.');
  const reason = input.reason?.trim();
  if (input.decision === 'return' && !reason) return refuse('INVALID_INPUT', 'Say what to change, so the drafter can revise it.');
  if (input.decision === 'approve' && input.flags > 0 && !reason) return refuse('INVALID_INPUT', 'This post has safety flags: give your reason to approve it anyway.');
  return { refused: false, next: input.decision === 'approve' ? 'approved' : 'returned' };
}

/** After approval, the drafter or the presence's owner records where it was published. */
export function canMarkPublished(post: PostFacts, p: Pick<PostPresenceFacts, 'ownerId' | 'spokespersonIds'>, actor: Pick<Actor, 'personId'>): Result {
  if (post.drafterId !== actor.personId && !mayPostFor({ ...p, departmentId: '', state: 'active', handle: '' }, actor)) return refuse('NOT_AUTHORIZED', 'Only the drafter, the owner or a spokesperson of this presence marks its posts published.');
  if (post.status === 'published') return refuse('STALE_CARD', 'This post is already marked published.');
  if (post.status !== 'approved') return refuse('STALE_CARD', `This post is ${POST_STATUS_LABELS[post.status].toLowerCase()}: only an approved post can be published.`);
  return { refused: false };
}

import type { AccessBlockRequest, DepartmentPolicy } from '@prisma/client';
import type { RequestStatus } from '../../domain/presence-request';
import { DIRECTOR_ACTION_LABELS, type DirectorAction } from '../../domain/freshness/director-rule';
import { ownLabel } from '../../domain/own-keys';
import type { Db } from '../../store/prisma';
import type { DoneView } from '../done-view';
import { draftOf, type ReviewWithRequest } from '../presence/request-views';
import type { RoundWithPost } from '../posts/approval-views';

/**
 * What each decision tells its decider once it counted (issue 10): the outcome in words, what happens next, and the
 * card with every detail one click away. Stale and refused clicks never get here: they see the card as it stands.
 */
export function reviewDone(_db: Db, review: ReviewWithRequest, verdict: { next: RequestStatus }): DoneView {
  const handle = draftOf(review.snapshot).handle ?? 'the new presence';
  const details = { title: 'See the request', verb: 'review.open', reviewId: review.id } as const;
  // REQ-6: the approving authority's approval sends it on to IT.
  if (verdict.next === 'it_review') return { headline: `You approved ${handle} for your department`, next: 'It goes to IT review next. The requester has been told.', details };
  if (verdict.next === 'attorney_review') return { headline: `You approved ${handle} for IT`, next: "It goes to the City Attorney's office next. The requester has been told.", details };
  if (verdict.next === 'approved') return { headline: `You approved ${handle}`, next: 'It is in the registry now. The requester records its address and login to make it active; they have been told.', details };
  return { headline: `You returned ${handle} to the requester`, next: 'They have your reason, and can revise it and submit it again.', details };
}

export async function policyDone(db: Db, policy: DepartmentPolicy, verdict: { next: 'acknowledged' | 'returned' }): Promise<DoneView> {
  const dept = await db.department.findUnique({ where: { id: policy.departmentId }, select: { name: true } });
  const what = `${dept?.name ?? 'The department'}'s policy, version ${policy.number}`;
  const details = { title: 'See the policy', verb: 'policy.review', policyId: policy.id } as const;
  return verdict.next === 'acknowledged'
    ? { headline: `You acknowledged ${what}`, next: 'It is the policy in force for the department now. The filer has been told.', details }
    : { headline: `You returned ${what}`, next: 'The filer has your comments and can revise it and file it again.', details };
}

export function blockDone(_db: Db, b: AccessBlockRequest, verdict: { next: 'done' | 'declined' }): DoneView {
  const details = { title: 'See the request', verb: 'block.open', blockId: b.id } as const;
  return verdict.next === 'done'
    ? { headline: 'You marked the block as done', next: 'The department head has been told that the sites are blocked.', details }
    : { headline: 'You declined the block request', next: 'The department head has your reason.', details };
}

export function postDone(_db: Db, r: RoundWithPost, verdict: { next: 'approved' | 'returned' }): DoneView {
  const details = { title: 'See the post', verb: 'post.review', roundId: r.id } as const;
  return verdict.next === 'approved'
    ? { headline: `You approved the post for ${r.post.presence.handle}`, next: 'The drafter has been told: they publish it and record where.', details }
    : { headline: `You returned the post for ${r.post.presence.handle}`, next: 'The drafter has your reason and can revise it.', details };
}

export function escalationDone(_db: Db, e: { id: string; presence: { handle: string } }, verdict: { action: DirectorAction }): DoneView {
  return {
    headline: `You chose "${ownLabel(DIRECTOR_ACTION_LABELS, verdict.action)}" for ${e.presence.handle}`,
    next: 'Your decision and the presence as it stood are on record; the people concerned have been told.',
    details: { title: 'See the escalation', verb: 'escalation.open', escalationId: e.id },
  };
}

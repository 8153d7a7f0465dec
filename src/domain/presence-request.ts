import type { Actor } from './roles';
import { hasRole } from './roles';
import { refuse, type Result } from './result';

/**
 * The life of a request (REQ-1..REQ-4, REQ-6; ADR 0011): draft -> the department's approving authority -> IT review ->
 * City Attorney review -> approved, or returned to revise.
 */
export type RequestStatus = 'draft' | 'authority_review' | 'it_review' | 'attorney_review' | 'returned' | 'approved' | 'withdrawn' | 'cancelled' | 'discarded';
export type ReviewStage = 'authority' | 'it' | 'attorney';
/** The statuses in which a request waits on a reviewer (the requester may withdraw it). */
export const IN_REVIEW: readonly RequestStatus[] = ['authority_review', 'it_review', 'attorney_review'];
export type Decision = 'approve' | 'reject';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  draft: 'Draft: not sent yet',
  authority_review: "Waiting for the department's approving authority",
  it_review: 'Waiting for IT review',
  attorney_review: 'Waiting for City Attorney review',
  returned: 'Returned to you to revise',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
  discarded: 'Discarded draft',
};

export const STAGE_LABELS: Record<ReviewStage, string> = { authority: 'Approving authority', it: 'IT review', attorney: 'City Attorney review' };
/** The City-wide role that decides each channel stage; the authority stage is decided by the person the request names. */
export const STAGE_ROLE = { it: 'it_reviewer', attorney: 'city_attorney' } as const;
export type ChannelStage = keyof typeof STAGE_ROLE;
export const STAGE_OF_STATUS: Partial<Record<RequestStatus, ReviewStage>> = { authority_review: 'authority', it_review: 'it', attorney_review: 'attorney' };
export const STATUS_OF_STAGE: Record<ReviewStage, RequestStatus> = { authority: 'authority_review', it: 'it_review', attorney: 'attorney_review' };
const NEXT_AFTER_APPROVAL: Record<ReviewStage, RequestStatus> = { authority: 'it_review', it: 'attorney_review', attorney: 'approved' };


/** The requester edits only their own request, and only while it is a draft or returned to them. */
export function canEdit(req: { requesterId: string; status: RequestStatus }, actor: Pick<Actor, 'personId'>): Result<object> {
  if (req.requesterId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the person who started this request can change it.');
  if (req.status !== 'draft' && req.status !== 'returned') return refuse('STALE_CARD', `This request can no longer be changed (${STATUS_LABELS[req.status] ?? req.status}); your click did not change anything.`);
  return { refused: false };
}

/** REQ-6: a submitted request goes first to the department's approving authority. */
export function canSubmit(req: { requesterId: string; status: RequestStatus }, actor: Pick<Actor, 'personId'>): Result<{ next: 'authority_review' }> {
  const edit = canEdit(req, actor);
  return edit.refused ? edit : { refused: false, next: 'authority_review' };
}

/** Withdraw while in review; cancel a draft or a returned request. Either is the requester's alone. */
export function canStop(req: { requesterId: string; status: RequestStatus }, actor: Pick<Actor, 'personId'>): Result<{ next: 'withdrawn' | 'cancelled' }> {
  if (req.requesterId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the person who started this request can withdraw or cancel it.');
  if (IN_REVIEW.includes(req.status)) return { refused: false, next: 'withdrawn' };
  if (req.status === 'draft' || req.status === 'returned') return { refused: false, next: 'cancelled' };
  return refuse('STALE_CARD', `This request can no longer be withdrawn or cancelled (${STATUS_LABELS[req.status] ?? req.status}); your click did not change anything.`);
}

/** A draft never sent can be discarded by its requester: it leaves "my requests" (kept on record, audited). */
export function canDiscard(req: { requesterId: string; status: RequestStatus; round: number }, actor: Pick<Actor, 'personId'>): Result {
  if (req.requesterId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the person who started this draft can discard it.');
  if (req.status !== 'draft' || req.round > 0) return refuse('STALE_CARD', `Only a draft that was never sent can be discarded; this one is ${(STATUS_LABELS[req.status] ?? req.status).toLowerCase()}. Your click did not change anything.`);
  return { refused: false };
}

/**
 * REQ-4 / REQ-6: the authority stage is decided by the approver the request names, while they still hold the
 * department's approving authority (`authorityNow`); the channel stages by a holder of the stage's role. Never the
 * requester, only while that review is pending, and a rejection carries a reason. Returns the request's next status.
 */
export function decideReview(
  review: { stage: ReviewStage; status: string },
  request: { requesterId: string; approverId?: string; authorityNow?: boolean },
  actor: Actor,
  decision: Decision,
  reason: string | undefined,
): Result<{ next: RequestStatus; reviewStatus: 'approved' | 'rejected' }> {
  if (review.stage === 'authority') {
    if (request.approverId !== actor.personId) return refuse('NOT_AUTHORIZED', 'Only the approving authority named in this request can decide here.');
    if (!request.authorityNow) return refuse('NOT_AUTHORIZED', "You no longer hold the department's approving authority, so you cannot decide on this request. An admin can grant it again.");
  } else if (!hasRole(actor, STAGE_ROLE[review.stage])) {
    return refuse('NOT_AUTHORIZED', review.stage === 'it' ? 'Only IT reviewers can decide here.' : "Only the City Attorney's office can decide here.");
  }
  if (request.requesterId === actor.personId) return refuse('NOT_AUTHORIZED', 'You made this request, so someone else must decide on it.');
  if (review.status !== 'pending') return refuse('STALE_CARD', 'This review has already been decided.');
  if (decision === 'reject' && !reason?.trim()) return refuse('INVALID_INPUT', 'Say why you are returning it, so the requester knows what to fix.');
  if (decision === 'reject') return { refused: false, next: 'returned', reviewStatus: 'rejected' };
  return { refused: false, next: NEXT_AFTER_APPROVAL[review.stage], reviewStatus: 'approved' };
}

import type { Actor } from '../../domain/roles';
import { ownLabel } from '../../domain/own-keys';
import { hasRole } from '../../domain/roles';
import { STAGE_ROLE, STAGE_LABELS, type ChannelStage } from '../../domain/presence-request';
import { AUTHORITY_ROLES } from '../../domain/approving-authority';
import { NOT_ALLOWED } from './decide-review';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import type { Services } from '../context';
import type { ReviewView } from '../presenters';
import { canSeeReview, draftOf, loadReview, reviewViewFor } from './request-views';

const STAGES: ChannelStage[] = ['it', 'attorney'];
const stagesFor = (actor: Actor) => STAGES.filter((s) => hasRole(actor, STAGE_ROLE[s]));

export interface PendingReviewsView {
  rows: Array<{ reviewId: string; label: string; detail: string }>;
}

/** Reviewers find what waits for them without scrolling the channel; only their own stages are listed. */
export async function pendingReviews({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor): Promise<PendingReviewsView> {
  const stages = stagesFor(actor);
  const authority = AUTHORITY_ROLES.some((r) => hasRole(actor, r));
  if (!stages.length && !authority) throw new AppError('NOT_AUTHORIZED', "Only approving authorities, IT reviewers and the City Attorney's office review requests.");
  // REQ-6: the approving authority sees the requests that name them (few at a time, so filtered here).
  const mine = authority ? (await db.review.findMany({ where: { status: 'pending', stage: 'authority' }, include: { request: true }, orderBy: { createdAt: 'asc' }, take: 200 })).filter((r) => draftOf(r.snapshot).approverId === actor.personId) : [];
  const channel = stages.length ? await db.review.findMany({ where: { status: 'pending', stage: { in: stages } }, include: { request: true }, orderBy: { createdAt: 'asc' }, take: 25 }) : [];
  const pending = [...mine, ...channel].slice(0, 25);
  const names = new Map((await db.person.findMany({ where: { id: { in: pending.map((r) => r.request.requesterId) } } })).map((p) => [p.id, p.name]));
  return {
    rows: pending.map((r) => ({
      reviewId: r.id,
      label: `${draftOf(r.snapshot).handle ?? 'A new presence'}: ${ownLabel(STAGE_LABELS, r.stage)}`,
      detail: `Asked by ${names.get(r.request.requesterId) ?? 'unknown'}, ${formatWhen(r.createdAt, config.timeZone)}`,
    })),
  };
}

/** A review card opened from the list: the same card as in the channel, for the holders of its stage's role only. */
export async function openReviewCard({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, reviewId: string): Promise<ReviewView> {
  const review = await loadReview(db, reviewId);
  if (!review) throw new AppError('NOT_FOUND', 'That review no longer exists.');
  if (!canSeeReview(actor, review)) throw new AppError('NOT_AUTHORIZED', `${NOT_ALLOWED[review.stage as keyof typeof NOT_ALLOWED] ?? NOT_ALLOWED.it} Nothing was changed.`);
  return reviewViewFor(db, review, config.timeZone);
}

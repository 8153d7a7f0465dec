import type { RenderedCard } from '../notify/outbox';
import type { PolicyDraft } from '../domain/policy-points';
import type { ReviewStage } from '../domain/presence-request';
import type { StateTarget } from '../domain/presence';
import type { Section } from './presence/describe-request';
import type { Verb } from '../verbs';
import type { PostApprovalView } from './posts/post-views';
import type { PeoplePickerView } from './people/find-people';

export type { RenderedCard };
export type Tone = 'default' | 'good' | 'warning' | 'attention' | 'accent';

/** A request's review card in the IT or City Attorney channel, pending or decided. */
export interface ReviewView {
  reviewId: string;
  stage: ReviewStage;
  requesterName: string;
  departmentName: string;
  submittedAt: string;
  round: number;
  sections: Section[];
  /** For IT and the City Attorney: how the department's approving authority decided (REQ-6). */
  authorityDecision?: string;
  /** REQ-6: the approved presence this request changes (its name or platform as approved), when it is a change. */
  changeOf?: string;
  /** REQ-7: the IT Director's decision on the request's platform, flagged when undecided or not allowed. */
  platform?: { text: string; flagged: boolean };
  /** For the City Attorney: how IT decided, and when IT approved (apart from when the request was submitted). */
  itDecision?: string;
  itApprovedAt?: string;
  /** Set once decided: the banner replaces the buttons. */
  decided?: { outcome: 'approved' | 'rejected' | 'withdrawn'; by: string; at: string; reason?: string };
  /** A line for a clicker whose click did not count. */
  notice?: string;
  reasonError?: string;
}

/** REQ-7: the IT Director's card to decide once on a platform, or the decision as recorded. */
export interface PlatformDecisionView {
  decisionId: string;
  label: string;
  /** What raised it: the request that first named the platform. */
  raisedBy?: string;
  decided?: { outcome: 'allowed' | 'not_allowed'; by: string; at: string; reasoning: string };
  notice?: string;
  reasoningError?: string;
}

/** A filed policy version on the Mayor's Office card (and the IT Director's copy). */
export interface PolicyReviewView {
  policyId: string;
  departmentName: string;
  heading: string;
  statusLine: string;
  statusColor: Tone;
  draft: PolicyDraft;
  meta: Array<[string, string | undefined]>;
  checks?: string[];
  changes?: string[];
  notice?: string;
  /** Acknowledge / Return buttons are shown only while the Mayor's Office can still decide. */
  decidable: boolean;
  commentsError?: string;
}

/** A department head's request to block sites, on the IT review card. */
export interface BlockView {
  blockId: string;
  departmentName: string;
  requester: string;
  asked: string;
  sites: string;
  reason: string;
  decided?: { outcome: 'done' | 'declined'; by: string; at: string; response?: string };
  notice?: string;
  responseError?: string;
}

/** A notice in someone's personal chat with the one button that acts on it; its data names a record, never authority. */
export interface NoticeView {
  headline: string;
  detail: string;
  color: Tone;
  about: string;
  action: { title: string; verb: Verb } & Record<string, unknown>;
}

export interface RoleChangedView {
  granted: boolean;
  roleLabel: string;
  by: string;
}

export interface StateChangedView {
  presenceId: string;
  handle: string;
  to: StateTarget;
  by: string;
  reason: string;
}

/** FRESH-1: an owner's weekly digest, one entry per stale presence they own. */
export interface FreshnessDigestView {
  weekOf: string;
  presences: Array<{ presenceId: string; handle: string; platform: string; daysIdle: number; lastActivity: string; nudgesBefore: number }>;
}

/** FRESH-2: a presence put to the IT Director, with the evidence. */
export interface FreshnessEscalationView {
  escalationId: string;
  presenceId: string;
  handle: string;
  platform: string;
  department: string;
  owner: string;
  why: string;
  lastActivity: string;
  daysIdle: number;
  /** Each nudge sent, newest first, in words. */
  nudges: string[];
  /** Set once the IT Director acted: the banner replaces the actions. */
  decided?: { action: string; ground: string; note: string; by: string; at: string; newOwner?: string };
  /** Who the IT Director may reassign it to (the current owner is refused on the server). */
  people: PeoplePickerView;
  canSuspend: boolean;
  notice?: string;
  inputError?: string;
}

/**
 * The port through which services render the cards they send (outbox rows store the rendered card and its hash).
 * cards/presenters.ts implements it; start-up wires it into Services, so no service imports cards/.
 */
export interface Presenters {
  reviewCard(v: ReviewView): RenderedCard;
  policyReviewCard(v: PolicyReviewView): RenderedCard;
  blockReviewCard(v: BlockView): RenderedCard;
  noticeCard(v: NoticeView): RenderedCard;
  roleChangedCard(v: RoleChangedView): RenderedCard;
  stateChangedNotice(v: StateChangedView): RenderedCard;
  postApprovalCard(v: PostApprovalView): RenderedCard;
  freshnessDigest(v: FreshnessDigestView): RenderedCard;
  freshnessEscalation(v: FreshnessEscalationView): RenderedCard;
  platformDecisionCard(v: PlatformDecisionView): RenderedCard;
}

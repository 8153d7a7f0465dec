import type { Actor } from './roles';
import { hasRole } from './roles';
import { refuse, type Result } from './result';

/** POL-1/POL-2: draft -> filed -> acknowledged, or returned with comments and refiled as a new version. */
export type PolicyStatus = 'draft' | 'filed' | 'acknowledged' | 'returned' | 'cancelled';

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: 'Draft: not filed yet',
  filed: "Filed: waiting for the Mayor's Office",
  acknowledged: "Acknowledged by the Mayor's Office",
  returned: 'Returned for revision',
  cancelled: 'Cancelled',
};

/** The original deadline in the APM: every department's policy on file by January 1, 2013 (POL-3). */
export const POLICY_DEADLINE = new Date('2013-01-01T06:00:00Z');


/** The department head files, or someone the admin made the department's policy delegate. */
export function canFile(actor: Actor, departmentId: string): Result {
  if (hasRole(actor, 'department_head', departmentId) || hasRole(actor, 'policy_delegate', departmentId)) return { refused: false };
  return refuse('NOT_AUTHORIZED', "Only the department head, or their policy delegate, files the department's policy.");
}

export function canDecidePolicy(actor: Actor, policy: { status: PolicyStatus; filerId: string }, decision: 'acknowledge' | 'return', comments?: string): Result<{ next: 'acknowledged' | 'returned' }> {
  if (!hasRole(actor, 'mayors_office')) return refuse('NOT_AUTHORIZED', "Only the Mayor's Office acknowledges or returns department policies.");
  if (policy.filerId === actor.personId) return refuse('NOT_AUTHORIZED', "You filed this policy, so someone else in the Mayor's Office must decide on it.");
  if (policy.status !== 'filed') return refuse('STALE_CARD', 'This version has already been decided.');
  if (decision === 'return' && !comments?.trim()) return refuse('INVALID_INPUT', 'Write your comments, so the department knows what to revise.');
  return { refused: false, next: decision === 'acknowledge' ? 'acknowledged' : 'returned' };
}

export type Compliance = 'acknowledged' | 'awaiting' | 'returned' | 'never_filed';

/**
 * POL-3 for one department: where its policy stands, whether the policy in force predates its newest presence, and
 * whether the department missed the APM's deadline, judged by its first filing (a later revision is not late).
 */
export function complianceOf(d: { latestStatus?: PolicyStatus; current?: { number: number; acknowledgedAt: Date; filedAt: Date }; latestPresenceAt?: Date; firstFiledAt?: Date }) {
  const state: Compliance = d.latestStatus === 'filed' ? 'awaiting' : d.latestStatus === 'returned' ? 'returned' : d.current ? 'acknowledged' : 'never_filed';
  return {
    state,
    outOfDate: Boolean(d.current && d.latestPresenceAt && d.current.acknowledgedAt < d.latestPresenceAt),
    late: !d.firstFiledAt || d.firstFiledAt > POLICY_DEADLINE,
  };
}

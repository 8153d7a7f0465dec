import type { RoleHolding, Role } from './roles';
import { refuse, type Result } from './result';

/**
 * REQ-6 (policy point 2): the department designates an approving authority for its use of social media. A request
 * names one person: the head of the department (or of the department a division belongs to), or someone the
 * department designated with the "Approving authority" role. Never the requester, never just anyone.
 */
export const AUTHORITY_ROLES: readonly Role[] = ['department_head', 'dept_approver'];

/** True when these role holdings make a person an approving authority for any of the departments given. */
export function holdsAuthority(holdings: readonly RoleHolding[], departmentIds: readonly string[]): boolean {
  return holdings.some((h) => AUTHORITY_ROLES.includes(h.role) && h.departmentId !== undefined && departmentIds.includes(h.departmentId));
}

export interface ApproverCheck {
  requesterId: string;
  approverId?: string;
  approverName?: string;
  /** The request's department first, then the department it belongs to (a division's head department). */
  departmentIds: readonly string[];
  departmentName: string;
  /** The named approver's current roles (empty when they hold none). */
  approverHoldings: readonly RoleHolding[];
  /** Who the department's approving authorities are now, to say whom to choose instead. */
  eligibleNames: readonly string[];
}

export function checkApprover(c: ApproverCheck): Result {
  const choose = c.eligibleNames.length
    ? `Choose ${c.eligibleNames.slice(0, 5).join(' or ')}.`
    : `${c.departmentName} has no approving authority on record yet: an admin grants its department head or "Approving authority" role (type "roles").`;
  if (!c.approverId) return refuse('INVALID_INPUT', `Choose the approving authority. ${choose}`);
  if (c.approverId === c.requesterId) {
    return refuse('INVALID_INPUT', `You cannot approve your own request: name your department's approving authority instead. ${choose}`);
  }
  if (!holdsAuthority(c.approverHoldings, c.departmentIds)) {
    return refuse('INVALID_INPUT', `${c.approverName ?? 'The person you chose'} is not an approving authority for ${c.departmentName} (REQ-6: the department head or the person the department designated). ${choose}`);
  }
  return { refused: false };
}

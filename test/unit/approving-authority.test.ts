import { checkApprover, holdsAuthority } from '../../src/domain/approving-authority';
import { canSubmit, canStop, decideReview } from '../../src/domain/presence-request';
import type { Actor } from '../../src/domain/roles';

const base = { requesterId: 'pat', approverName: 'Dana', departmentIds: ['parks', 'public-works'], departmentName: 'Parks Division', eligibleNames: ['Dana Reyes'] };
const dana: Actor = { personId: 'dana', aadObjectId: 'd', name: 'Dana', roles: [{ role: 'department_head', departmentId: 'parks' }] };

describe('REQ-6 who may be named as the approving authority', () => {
  it("accepts the department's head, the head of the department it belongs to, and its designated approver", () => {
    expect(checkApprover({ ...base, approverId: 'dana', approverHoldings: [{ role: 'department_head', departmentId: 'parks' }] }).refused).toBe(false);
    expect(checkApprover({ ...base, approverId: 'lee', approverHoldings: [{ role: 'department_head', departmentId: 'public-works' }] }).refused).toBe(false);
    expect(checkApprover({ ...base, approverId: 'ann', approverHoldings: [{ role: 'dept_approver', departmentId: 'parks' }] }).refused).toBe(false);
  });
  it('refuses the requester, even when they head the department, and says whom to choose', () => {
    const r = checkApprover({ ...base, approverId: 'pat', approverHoldings: [{ role: 'department_head', departmentId: 'parks' }] });
    expect(r).toMatchObject({ refused: true, message: expect.stringContaining('You cannot approve your own request') });
    expect(r.refused && r.message).toContain('Choose Dana Reyes.');
  });
  it('refuses any other person: staff, an IT reviewer, another department\'s head or a spokesperson', () => {
    for (const holdings of [[], [{ role: 'it_reviewer' as const }], [{ role: 'department_head' as const, departmentId: 'streets' }], [{ role: 'spokesperson' as const, departmentId: 'parks' }]]) {
      expect(checkApprover({ ...base, approverId: 'x', approverHoldings: holdings })).toMatchObject({ refused: true, message: expect.stringContaining('Dana is not an approving authority for Parks Division') });
    }
  });
  it('says how to get one when the department has none on record', () => {
    expect(checkApprover({ ...base, eligibleNames: [], approverId: 'x', approverHoldings: [] })).toMatchObject({ refused: true, message: expect.stringContaining('has no approving authority on record yet') });
    expect(holdsAuthority([{ role: 'dept_approver', departmentId: 'parks' }], ['streets'])).toBe(false);
  });
});

describe('REQ-6 the approving authority decides first', () => {
  const pending = { stage: 'authority' as const, status: 'pending' };
  const request = { requesterId: 'pat', approverId: 'dana', authorityNow: true };
  it('a submitted request waits for the approving authority, who may be withdrawn from', () => {
    expect(canSubmit({ requesterId: 'pat', status: 'draft' }, { personId: 'pat' })).toEqual({ refused: false, next: 'authority_review' });
    expect(canStop({ requesterId: 'pat', status: 'authority_review' }, { personId: 'pat' })).toMatchObject({ next: 'withdrawn' });
  });
  it('the named approver approves into IT review, or returns it with a reason', () => {
    expect(decideReview(pending, request, dana, 'approve', undefined)).toEqual({ refused: false, next: 'it_review', reviewStatus: 'approved' });
    expect(decideReview(pending, request, dana, 'reject', 'Not our audience')).toMatchObject({ next: 'returned' });
    expect(decideReview(pending, request, dana, 'reject', ' ')).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
  });
  it('refuses anyone but the named approver (another head too), and a named approver who lost the role', () => {
    const otherHead: Actor = { ...dana, personId: 'gus' };
    expect(decideReview(pending, request, otherHead, 'approve', undefined)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    const admin: Actor = { ...dana, personId: 'morgan', roles: [{ role: 'admin' }, { role: 'it_reviewer' }] };
    expect(decideReview(pending, request, admin, 'approve', undefined)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(decideReview(pending, { ...request, authorityNow: false }, dana, 'approve', undefined)).toMatchObject({ refused: true, message: expect.stringContaining('no longer hold') });
    expect(decideReview({ ...pending, status: 'approved' }, request, dana, 'approve', undefined)).toMatchObject({ refused: true, code: 'STALE_CARD' });
  });
});

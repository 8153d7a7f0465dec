import { nextStep } from '../../src/domain/guided-steps';
import { changedPoints, missingPoints, policyProblems, POLICY_POINTS } from '../../src/domain/policy-points';
import { canFile, complianceOf } from '../../src/domain/department-policy';

describe('REQ-1 / POL-1 guided steps', () => {
  it('moves on only when Next is valid, goes back freely, and reaches the summary after the last step', () => {
    expect(nextStep('next', 2, true, 5)).toBe(3);
    expect(nextStep('next', 2, false, 5)).toBe(2);
    expect(nextStep('save', 2, true, 5)).toBe(2);
    expect(nextStep('back', 1, true, 5)).toBe(1);
    expect(nextStep('back', 3, false, 5)).toBe(2);
    expect(nextStep('next', 5, true, 5)).toBe(6);
  });
});

describe('POL-1 the twelve points', () => {
  const full = Object.fromEntries(POLICY_POINTS.map((p) => [p.id, p.example]));
  it('accepts a policy that addresses every point and states the personal-use rule', () => {
    expect(policyProblems({ ...full, personalUse: 'apm_3_9' })).toEqual({});
  });
  it('names empty and thin points, and asks what limited personal use means', () => {
    const problems = policyProblems({ ...full, p3: '', p7: 'Yes.', personalUse: 'limited' });
    expect(Object.keys(problems).sort()).toEqual(['p3', 'p7', 'personalUseDetail']);
    expect(missingPoints({ ...full, p3: '', p7: 'Yes.' })).toEqual([3, 7]);
  });
  it('lists what changed between two versions', () => {
    expect(changedPoints({ ...full }, { ...full, p9: 'A new records procedure, named custodian and all.' }).map((c) => c.field)).toEqual(['p9']);
  });
});

describe('POL-3 compliance', () => {
  const filedAt = new Date('2024-03-01T00:00:00Z');
  it('is never filed, and late, without a policy', () => {
    expect(complianceOf({})).toEqual({ state: 'never_filed', outOfDate: false, late: true });
  });
  it('is out of date when a presence opened after the acknowledgement', () => {
    expect(complianceOf({ latestStatus: 'acknowledged', current: { number: 1, acknowledgedAt: filedAt, filedAt }, latestPresenceAt: new Date('2025-01-01') })).toMatchObject({ state: 'acknowledged', outOfDate: true, late: true });
  });
  it('is on time when filed before January 1, 2013', () => {
    const early = new Date('2012-11-01T00:00:00Z');
    expect(complianceOf({ latestStatus: 'acknowledged', current: { number: 1, acknowledgedAt: early, filedAt: early }, firstFiledAt: early })).toMatchObject({ late: false, outOfDate: false });
  });
  it('judges the deadline by the first filing: a revision filed later is not late (issue 10)', () => {
    const early = new Date('2012-11-01T00:00:00Z');
    expect(complianceOf({ latestStatus: 'acknowledged', current: { number: 3, acknowledgedAt: filedAt, filedAt }, firstFiledAt: early }).late).toBe(false);
    expect(complianceOf({ latestStatus: 'filed', firstFiledAt: filedAt }).late).toBe(true);
  });
  it('shows a returned or awaiting latest version', () => {
    expect(complianceOf({ latestStatus: 'filed' }).state).toBe('awaiting');
    expect(complianceOf({ latestStatus: 'returned' }).state).toBe('returned');
  });
});

describe('POL-1 who files', () => {
  const actor = (roles: Array<{ role: 'department_head' | 'policy_delegate' | 'spokesperson'; departmentId: string }>) => ({ personId: 'p', aadObjectId: 'a', name: 'P', roles });
  it('is the department head or their policy delegate, for their own department only', () => {
    expect(canFile(actor([{ role: 'department_head', departmentId: 'parks' }]), 'parks').refused).toBe(false);
    expect(canFile(actor([{ role: 'policy_delegate', departmentId: 'parks' }]), 'parks').refused).toBe(false);
    expect(canFile(actor([{ role: 'policy_delegate', departmentId: 'parks' }]), 'streets').refused).toBe(true);
    expect(canFile(actor([{ role: 'spokesperson', departmentId: 'parks' }]), 'parks').refused).toBe(true);
  });
});

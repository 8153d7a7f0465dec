import { describeAuditEvent, isDraftSave, type AuditNames } from '../../src/domain/audit-words';

const names = (subject: string): AuditNames => ({
  subject,
  person: (id) => (id === 'p-sam' ? 'Sam Lee' : undefined),
  department: (id) => (id === 'it' ? 'Information Technology' : undefined),
});

describe('REC-1 audit events in words (issue 10)', () => {
  it('names the role, the department and the person, not codes', () => {
    expect(describeAuditEvent({ action: 'role.granted', actorName: 'Alex Rivera', data: { role: 'it_reviewer' } }, names('Sam Lee'))).toBe('Alex Rivera granted IT reviewer to Sam Lee');
    expect(describeAuditEvent({ action: 'role.revoked', actorName: 'Alex Rivera', data: { role: 'department_head', departmentId: 'it' } }, names('Sam Lee'))).toBe(
      'Alex Rivera revoked Department head (Information Technology) from Sam Lee',
    );
  });

  it('says decisions with their stage and reason', () => {
    expect(describeAuditEvent({ action: 'review.decided', actorName: 'Ivy Tran', data: { stage: 'it', decision: 'reject', reason: 'Use a City address' } }, names('@MadisonParks (Instagram)'))).toBe(
      'Ivy Tran returned the request @MadisonParks (Instagram) for IT: Use a City address',
    );
    expect(describeAuditEvent({ action: 'presence.handed_over', actorName: 'Pat Parker', data: { to: 'p-sam' } }, names('@MadisonParks (Instagram)'))).toBe('Pat Parker handed @MadisonParks (Instagram) over to Sam Lee');
  });

  it('still reads for an action it has no words for, and never trusts stored keys like __proto__', () => {
    expect(describeAuditEvent({ action: 'thing.done_now', actorName: 'Morgan Lee', data: {} }, names('X'))).toBe('Morgan Lee recorded "thing done now" on X');
    expect(describeAuditEvent({ action: '__proto__', actorName: 'M', data: {} }, names('X'))).toBe('M recorded "  proto  " on X');
    expect(describeAuditEvent({ action: 'role.granted', actorName: 'M', data: { role: 'constructor' } }, names('X'))).toBe('M granted a role to X');
  });

  it('knows which events are draft saves', () => {
    expect(isDraftSave('request.draft_saved')).toBe(true);
    expect(isDraftSave('policy.draft_started')).toBe(false);
  });
});

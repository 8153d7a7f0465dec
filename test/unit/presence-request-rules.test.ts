import { canEdit, canStop, decideReview } from '../../src/domain/presence-request';
import { checkAll, checkStep, stepSchemas } from '../../src/domain/presence-answers';
import type { Actor } from '../../src/domain/roles';

const ivy: Actor = { personId: 'ivy', aadObjectId: 'a', name: 'Ivy', roles: [{ role: 'it_reviewer' }] };
const pat: Actor = { personId: 'pat', aadObjectId: 'b', name: 'Pat', roles: [] };

describe('REQ-4 review decisions', () => {
  const pending = { stage: 'it' as const, status: 'pending' };
  it('lets an IT reviewer approve into City Attorney review, and the attorney into approved', () => {
    expect(decideReview(pending, { requesterId: 'pat' }, ivy, 'approve', undefined)).toEqual({ refused: false, next: 'attorney_review', reviewStatus: 'approved' });
    const sam: Actor = { ...ivy, personId: 'sam', roles: [{ role: 'city_attorney' }] };
    expect(decideReview({ stage: 'attorney', status: 'pending' }, { requesterId: 'pat' }, sam, 'approve', undefined)).toMatchObject({ next: 'approved' });
  });
  it('refuses the wrong role, the requester, a decided review, and a rejection without a reason', () => {
    expect(decideReview(pending, { requesterId: 'x' }, pat, 'approve', undefined)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(decideReview(pending, { requesterId: 'ivy' }, ivy, 'approve', undefined)).toMatchObject({ refused: true, message: expect.stringContaining('You made this request') });
    expect(decideReview({ ...pending, status: 'approved' }, { requesterId: 'pat' }, ivy, 'approve', undefined)).toMatchObject({ refused: true, code: 'STALE_CARD' });
    expect(decideReview(pending, { requesterId: 'pat' }, ivy, 'reject', '  ')).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
    expect(decideReview(pending, { requesterId: 'pat' }, ivy, 'reject', 'Personal account')).toMatchObject({ next: 'returned', reviewStatus: 'rejected' });
  });
  it('lets only the requester edit, and only a draft or returned request', () => {
    expect(canEdit({ requesterId: 'pat', status: 'returned' }, pat).refused).toBe(false);
    expect(canEdit({ requesterId: 'pat', status: 'it_review' }, pat)).toMatchObject({ refused: true, code: 'STALE_CARD' });
    expect(canEdit({ requesterId: 'pat', status: 'draft' }, ivy)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(canStop({ requesterId: 'pat', status: 'attorney_review' }, pat)).toMatchObject({ next: 'withdrawn' });
    expect(canStop({ requesterId: 'pat', status: 'approved' }, pat)).toMatchObject({ refused: true });
  });
});

describe('REQ-1 / REG-3..REG-5 request answers', () => {
  const schemas = stepSchemas(['cityofmadison.com']);
  it('accepts City pages and subdomains, refuses other sites and plain http', () => {
    const page = (cityWebPage: string) => checkStep(schemas, 2, { purpose: 'A sentence about the purpose here.', benefits: 'A sentence about the benefits here.', cityWebPage });
    expect(page('https://www.cityofmadison.com/parks').ok).toBe(true);
    expect(page('https://cityofmadison.com').ok).toBe(true);
    expect(page('https://cityofmadison.com.evil.example/x')).toMatchObject({ ok: false, errors: { cityWebPage: expect.stringContaining("City's website") } });
    expect(page('http://www.cityofmadison.com/parks')).toMatchObject({ ok: false, errors: { cityWebPage: 'Use an https:// address' } });
  });
  it('REG-4 asks how direct messages are handled when the platform has them', () => {
    expect(checkStep(schemas, 4, { dataLocation: 'Shared drive', hasDirectMessages: 'yes' })).toMatchObject({ ok: false, errors: { dmHandling: expect.any(String) } });
    expect(checkStep(schemas, 4, { dataLocation: 'Shared drive', hasDirectMessages: 'no' }).ok).toBe(true);
  });
  it('REG-3 and REG-5 need both commitments; the first incomplete step is reported', () => {
    expect(checkStep(schemas, 5, { attestCityAccount: 'true', attestNotice: 'false' })).toMatchObject({ ok: false, errors: { attestNotice: expect.any(String) } });
    expect(checkAll(schemas, {})).toMatchObject({ ok: false, step: 1 });
  });
});

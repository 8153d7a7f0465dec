import { canDraftFor, canEditPost, canMarkPublished, canSubmitPost, decidePost, type PostPresenceFacts } from '../../../src/domain/posts/post-rules';
import type { Actor } from '../../../src/domain/roles';

const actor = (personId: string, roles: Actor['roles'] = []): Actor => ({ personId, name: personId, roles }) as Actor;
const parks: PostPresenceFacts = { ownerId: 'owner', departmentId: 'parks', state: 'active', handle: '@MadisonParks', approverId: 'dana', spokespersonIds: ['pat'] };
const pending = { status: 'pending' };

describe('POST-1 who drafts', () => {
  it('lets the owner and the named spokespersons draft for an active presence', () => {
    expect(canDraftFor(parks, actor('owner'), 'Olive Owner').refused).toBe(false);
    expect(canDraftFor(parks, actor('pat'), 'Olive Owner').refused).toBe(false);
  });
  it('refuses anyone else, a department head included, saying who to ask', () => {
    const r = canDraftFor(parks, actor('dana', [{ role: 'department_head', departmentId: 'parks' }] as Actor['roles']), 'Olive Owner');
    expect(r).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(r.refused && r.message).toContain('Ask Olive Owner');
  });
  it.each(['approved_not_live', 'suspended', 'retired'] as const)('refuses a presence that is %s', (state) => {
    expect(canDraftFor({ ...parks, state }, actor('pat'), 'Olive Owner')).toMatchObject({ refused: true, code: 'STALE_CARD' });
  });
});

describe('editing and submitting', () => {
  it('only the drafter edits, never while in review or once published; an approved post may be edited (a new version)', () => {
    expect(canEditPost({ drafterId: 'pat', status: 'approved' }, actor('pat')).refused).toBe(false);
    expect(canEditPost({ drafterId: 'pat', status: 'draft' }, actor('owner'))).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(canEditPost({ drafterId: 'pat', status: 'in_review' }, actor('pat'))).toMatchObject({ code: 'STALE_CARD' });
    expect(canEditPost({ drafterId: 'pat', status: 'published' }, actor('pat'))).toMatchObject({ code: 'STALE_CARD' });
  });
  it('submit is refused while anything blocks', () => {
    expect(canSubmitPost({ drafterId: 'pat', status: 'draft' }, actor('pat'), 2)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('2 problems') });
    expect(canSubmitPost({ drafterId: 'pat', status: 'returned' }, actor('pat'), 0).refused).toBe(false);
    expect(canSubmitPost({ drafterId: 'pat', status: 'in_review' }, actor('pat'), 0)).toMatchObject({ code: 'STALE_CARD' });
  });
});

describe('POST-6 the approving authority decides, POST-5 flags need a reason', () => {
  const post = { drafterId: 'pat' };
  it('never the drafter, even when they are the approving authority', () => {
    expect(decidePost({ ...parks, approverId: 'pat' }, post, pending, actor('pat'), { decision: 'approve', flags: 0 })).toMatchObject({ code: 'NOT_AUTHORIZED', message: expect.stringContaining('You drafted this post') });
  });
  it('never the drafter, even when they are the head of the presence\'s department', () => {
    const head = actor('pat', [{ role: 'department_head', departmentId: 'parks' }] as Actor['roles']);
    expect(decidePost(parks, post, pending, head, { decision: 'approve', flags: 0 })).toMatchObject({ code: 'NOT_AUTHORIZED', message: expect.stringContaining('You drafted this post') });
    expect(decidePost(parks, post, pending, head, { decision: 'return', reason: 'x', flags: 0 })).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
  it('the approving authority or the department head, nobody else', () => {
    expect(decidePost(parks, post, pending, actor('dana'), { decision: 'approve', flags: 0 })).toEqual({ refused: false, next: 'approved' });
    expect(decidePost(parks, post, pending, actor('head', [{ role: 'department_head', departmentId: 'parks' }] as Actor['roles']), { decision: 'approve', flags: 0 }).refused).toBe(false);
    expect(decidePost(parks, post, pending, actor('head', [{ role: 'department_head', departmentId: 'streets' }] as Actor['roles']), { decision: 'approve', flags: 0 })).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
  it('exactly once: a decided round is stale', () => {
    expect(decidePost(parks, post, { status: 'approved' }, actor('dana'), { decision: 'return', reason: 'x', flags: 0 })).toMatchObject({ code: 'STALE_CARD' });
  });
  it('a return needs a reason, and approving over a POST-5 flag needs one too', () => {
    expect(decidePost(parks, post, pending, actor('dana'), { decision: 'return', reason: '  ', flags: 0 })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(decidePost(parks, post, pending, actor('dana'), { decision: 'approve', flags: 1 })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('safety flags') });
    expect(decidePost(parks, post, pending, actor('dana'), { decision: 'approve', reason: 'The number is the shelter line.', flags: 1 })).toEqual({ refused: false, next: 'approved' });
  });
});

describe('mark as published', () => {
  it('only an approved post, by its drafter, owner or a spokesperson', () => {
    expect(canMarkPublished({ drafterId: 'pat', status: 'approved' }, parks, actor('owner')).refused).toBe(false);
    expect(canMarkPublished({ drafterId: 'pat', status: 'approved' }, parks, actor('dana'))).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(canMarkPublished({ drafterId: 'pat', status: 'in_review' }, parks, actor('pat'))).toMatchObject({ code: 'STALE_CARD' });
    expect(canMarkPublished({ drafterId: 'pat', status: 'published' }, parks, actor('pat'))).toMatchObject({ code: 'STALE_CARD' });
  });
});

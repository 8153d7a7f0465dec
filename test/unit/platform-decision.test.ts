import { decidePlatform, platformLine, platformOf, platformRefusal } from '../../src/domain/platform-decision';
import type { Actor } from '../../src/domain/roles';

const director: Actor = { personId: 'm', aadObjectId: 'm', name: 'Morgan', roles: [{ role: 'it_director' }] };
const reviewer: Actor = { ...director, personId: 'i', roles: [{ role: 'it_reviewer' }, { role: 'admin' }] };
const REASONING = 'Posts and comments can be exported for the retention period.';

describe('REQ-7 (IT 2) the IT Director decides once per platform', () => {
  it('keys a listed platform by its id and a named one by its name, whatever its case and spacing', () => {
    expect(platformOf({ platform: 'instagram' })).toEqual({ key: 'instagram', label: 'Instagram' });
    expect(platformOf({ platform: 'other', platformOther: '  Snap   Chat ' })).toEqual({ key: 'other:snap chat', label: 'Snap Chat' });
    expect(platformOf({ platform: 'other', platformOther: 'snap chat' })?.key).toBe('other:snap chat');
    expect(platformOf({ platform: 'other' })).toBeUndefined();
  });
  it('only the IT Director decides, only once, and only with the public-records reasoning', () => {
    expect(decidePlatform({ status: 'pending' }, director, { decision: 'allowed', reasoning: REASONING })).toEqual({ refused: false, status: 'allowed' });
    expect(decidePlatform({ status: 'pending' }, reviewer, { decision: 'allowed', reasoning: REASONING })).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(decidePlatform({ status: 'allowed' }, director, { decision: 'not_allowed', reasoning: REASONING })).toMatchObject({ refused: true, code: 'STALE_CARD' });
    expect(decidePlatform({ status: 'pending' }, director, { decision: 'not_allowed', reasoning: ' too short ' })).toMatchObject({ refused: true, code: 'INVALID_INPUT', message: expect.stringContaining('3.70(3)(b)9 MGO') });
  });
  it('flags an undecided platform, shows a decision with its reasoning, and refuses a platform not allowed', () => {
    expect(platformLine('TikTok', null)).toEqual({ text: 'TikTok: Platform not yet decided by the IT Director', flagged: true });
    expect(platformLine('TikTok', { status: 'pending', reasoning: null })).toMatchObject({ flagged: true });
    expect(platformLine('Instagram', { status: 'allowed', reasoning: REASONING, decidedOn: 'Mar 2, 2026' })).toEqual({ text: `Instagram: Allowed by the IT Director on Mar 2, 2026. Reasoning: ${REASONING}`, flagged: false });
    expect(platformRefusal('Instagram', { status: 'allowed', reasoning: REASONING }).refused).toBe(false);
    expect(platformRefusal('Instagram', null).refused).toBe(false);
    expect(platformRefusal('TikTok', { status: 'not_allowed', reasoning: 'Videos cannot be exported.' })).toMatchObject({ refused: true, message: expect.stringContaining('TikTok does not let the City meet the Wisconsin Public Records Law (sec. 3.70(3)(b)9 MGO): Videos cannot be exported.') });
  });
});

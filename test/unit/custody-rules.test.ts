import { canHandOverTo, canRecordPassword, canStartHandOver, passwordNotChangedSinceHandover } from '../../src/domain/custody';
import { cityLoginProblem } from '../../src/domain/city-login';
import { allowedActions, type PresenceFacts } from '../../src/domain/presence';
import { checkStep, stepSchemas } from '../../src/domain/presence-answers';
import type { Actor } from '../../src/domain/roles';
import { loadConfig } from '../../src/config/config';

const actor = (personId: string, roles: Actor['roles'] = []): Actor => ({ personId, aadObjectId: personId, name: personId, roles });
const owner = actor('pat');
const head = actor('dana', [{ role: 'department_head', departmentId: 'parks' }]);
const otherHead = actor('gus', [{ role: 'department_head', departmentId: 'streets' }]);
const ivy = actor('ivy', [{ role: 'it_reviewer' }]);
const director = actor('morgan', [{ role: 'it_director' }]);
const staff = actor('rae');
const live: PresenceFacts = { ownerId: 'pat', departmentId: 'parks', state: 'active' };
const PERSONAL = { kind: 'personal' as const };
const PARKS = ['parks'];

describe('REG-2 recording a changed password', () => {
  it('lets the owner and IT record it, in a personal chat only', () => {
    expect(canRecordPassword(live, owner, PERSONAL, true)).toEqual({ refused: false, as: 'owner' });
    expect(canRecordPassword(live, ivy, PERSONAL, true)).toEqual({ refused: false, as: 'it' });
    expect(canRecordPassword(live, director, PERSONAL, true)).toEqual({ refused: false, as: 'it' });
    expect(canRecordPassword(live, owner, { kind: 'channel' }, true)).toMatchObject({ refused: true, code: 'WRONG_PLACE' });
  });
  it('refuses the department head and staff, a presence with no login yet, and a retired one', () => {
    expect(canRecordPassword(live, head, PERSONAL, true)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(canRecordPassword(live, staff, PERSONAL, true)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(canRecordPassword({ ...live, state: 'approved_not_live' }, owner, PERSONAL, false)).toMatchObject({ refused: true, code: 'STALE_CARD' });
    expect(canRecordPassword({ ...live, state: 'retired' }, owner, PERSONAL, true)).toMatchObject({ refused: true, code: 'STALE_CARD' });
  });
});

describe('REG-1 handing a presence over', () => {
  const to = { newOwnerId: 'rae', reason: 'Pat moved to Streets.' };
  it('lets the owner, the head of its department (or of the department a subunit sits under) and IT hand it over', () => {
    expect(canHandOverTo(live, owner, PARKS, to)).toMatchObject({ refused: false, as: 'owner', reason: 'Pat moved to Streets.' });
    expect(canHandOverTo(live, head, PARKS, to)).toMatchObject({ refused: false, as: 'department_head' });
    expect(canHandOverTo(live, ivy, PARKS, to)).toMatchObject({ refused: false, as: 'it' });
    const board: PresenceFacts = { ...live, departmentId: 'board-of-park-commissioners' };
    expect(canStartHandOver(board, head, ['board-of-park-commissioners', 'parks'])).toMatchObject({ refused: false, as: 'department_head' });
    expect(canStartHandOver(board, head, ['board-of-park-commissioners'])).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
  });
  it('refuses staff and the head of another department, and a retired presence', () => {
    expect(canHandOverTo(live, staff, PARKS, to)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(canHandOverTo(live, otherHead, PARKS, to)).toMatchObject({ refused: true, code: 'NOT_AUTHORIZED' });
    expect(canHandOverTo({ ...live, state: 'retired' }, owner, PARKS, to)).toMatchObject({ refused: true, code: 'STALE_CARD' });
  });
  it('needs a new owner other than the current one, and a reason under 500 characters', () => {
    expect(canHandOverTo(live, owner, PARKS, { reason: 'x' })).toMatchObject({ refused: true, code: 'INVALID_INPUT', message: 'Choose who takes it over.' });
    expect(canHandOverTo(live, head, PARKS, { newOwnerId: 'pat', reason: 'x' })).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
    expect(canHandOverTo(live, owner, PARKS, { newOwnerId: 'rae', reason: '   ' })).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
    expect(canHandOverTo(live, owner, PARKS, { newOwnerId: 'rae', reason: 'x'.repeat(501) })).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
  });
  it('shows the buttons the rules allow: New password and Hand over for the owner, Hand over only for the head', () => {
    expect(allowedActions(live, owner, PERSONAL, true, PARKS)).toEqual(expect.arrayContaining(['password', 'handover']));
    expect(allowedActions(live, head, PERSONAL, true, PARKS)).toEqual(['edit', 'change', 'handover']);
    expect(allowedActions(live, staff, PERSONAL, true, PARKS)).toEqual([]);
  });
});

describe('REG-2 password not changed since handover', () => {
  const at = (iso: string) => new Date(iso);
  it('flags a login recorded before the last handover, until a new one is recorded after it', () => {
    expect(passwordNotChangedSinceHandover({ hasCredential: true, handedOverAt: at('2026-12-01'), credentialChangedAt: at('2026-11-01') })).toBe(true);
    expect(passwordNotChangedSinceHandover({ hasCredential: true, handedOverAt: at('2026-12-01'), credentialChangedAt: null })).toBe(true);
    expect(passwordNotChangedSinceHandover({ hasCredential: true, handedOverAt: at('2026-12-01'), credentialChangedAt: at('2026-12-02') })).toBe(false);
    expect(passwordNotChangedSinceHandover({ hasCredential: true, handedOverAt: null, credentialChangedAt: at('2026-11-01') })).toBe(false);
    expect(passwordNotChangedSinceHandover({ hasCredential: false, handedOverAt: at('2026-12-01'), credentialChangedAt: null })).toBe(false);
  });
});

describe('REG-3 the City is the registrant: logins on a City domain', () => {
  const rule = { domains: ['cityofmadison.com'], allowUserNames: false };
  it('accepts a City address and its subdomains, in any case', () => {
    expect(cityLoginProblem('parks-social@cityofmadison.com', rule)).toBeUndefined();
    expect(cityLoginProblem(' Parks@MADISON.CITYOFMADISON.COM ', rule)).toBeUndefined();
  });
  it('refuses a personal address, saying why', () => {
    expect(cityLoginProblem('madisonparks@gmail.com', rule)).toContain('gmail.com is not a City address. REG-3: the City is the registrant');
    expect(cityLoginProblem('x@cityofmadison.com.evil.example', rule)).toContain('is not a City address');
    expect(cityLoginProblem('x@notcityofmadison.com', rule)).toContain('is not a City address');
    expect(cityLoginProblem('@cityofmadison.com', rule)).toContain('whole e-mail address');
  });
  it('takes a bare user name only when the City allows it', () => {
    expect(cityLoginProblem('madisonparks', rule)).toContain('City e-mail address');
    expect(cityLoginProblem('madisonparks', { ...rule, allowUserNames: true })).toBeUndefined();
    expect(cityLoginProblem('madison parks', { ...rule, allowUserNames: true })).toContain('City e-mail address');
  });
});

describe("REG-3 a request's department is one of the City's", () => {
  const step1 = { platform: 'instagram', handle: '@x', criterion: 'marketing' };
  it('refuses a department that is not in the City list, when the list is known', () => {
    const schemas = stepSchemas(['cityofmadison.com'], new Set(['parks', 'board-of-park-commissioners']));
    expect(checkStep(schemas, 1, { ...step1, departmentId: 'parks' }).ok).toBe(true);
    expect(checkStep(schemas, 1, { ...step1, departmentId: 'board-of-park-commissioners' }).ok).toBe(true);
    expect(checkStep(schemas, 1, { ...step1, departmentId: 'my-own-club' })).toMatchObject({ ok: false, errors: { departmentId: expect.stringContaining("one of the City's departments") } });
  });
});

describe('REG-3 configuration of City login domains', () => {
  it('defaults to cityofmadison.com with no bare user names, and reads both settings', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).cityLogin).toEqual({ domains: ['cityofmadison.com'], allowUserNames: false });
    expect(loadConfig({ NODE_ENV: 'test', CITY_LOGIN_DOMAINS: 'CityOfMadison.com, mpl.org', CITY_LOGIN_ALLOW_USER_NAMES: 'true' }).cityLogin).toEqual({ domains: ['cityofmadison.com', 'mpl.org'], allowUserNames: true });
    expect(() => loadConfig({ NODE_ENV: 'test', CITY_LOGIN_ALLOW_USER_NAMES: 'yes' })).toThrow('CITY_LOGIN_ALLOW_USER_NAMES must be true or false');
  });
});

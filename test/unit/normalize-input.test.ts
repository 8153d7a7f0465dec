import { hostOf, normalizeInput } from '../../src/domain/normalize-input';
import { stepSchemas } from '../../src/domain/presence-answers';

describe('issue 9: input is normalised before it is validated', () => {
  it('gives a web address without a scheme https://, and keeps one that has a scheme', () => {
    expect(normalizeInput('url', ' cityofmadison.com/parks ')).toBe('https://cityofmadison.com/parks');
    expect(normalizeInput('url', 'http://www.cityofmadison.com')).toBe('http://www.cityofmadison.com');
    expect(normalizeInput('url', '//www.cityofmadison.com/x')).toBe('https://www.cityofmadison.com/x');
  });
  it('lower-cases e-mail addresses, and only those, and trims every kind', () => {
    expect(normalizeInput('email', ' Pat.Parker@CityOfMadison.com ')).toBe('pat.parker@cityofmadison.com');
    expect(normalizeInput('contact', 'PParker@CityOfMadison.com')).toBe('pparker@cityofmadison.com');
    expect(normalizeInput('contact', ' 608-266-4611 ext B ')).toBe('608-266-4611 ext B');
    expect(normalizeInput('text', '  @MadisonParks ')).toBe('@MadisonParks');
  });
  it('treats blanks and non-strings as not answered, and booleans as toggles', () => {
    expect(normalizeInput('text', '   ')).toBeUndefined();
    expect(normalizeInput('text', { toString: 'x' })).toBeUndefined();
    expect(normalizeInput('toggle', true)).toBe('true');
  });
  it('REQ-1 a City page that is not an address is refused with a message, never thrown', () => {
    expect(hostOf('cityofmadison.com/parks')).toBeUndefined();
    const [, purpose] = stepSchemas(['cityofmadison.com']);
    const r = purpose.safeParse({ purpose: 'A sentence that is long enough.', benefits: 'A sentence that is long enough.', cityWebPage: 'cityofmadison.com/parks' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain('cityWebPage');
  });
});

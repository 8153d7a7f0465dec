import { checkDisclaimer, EXTERNAL_LINK_DISCLAIMER } from '../../../src/domain/posts/disclaimer';
import { findLinks } from '../../../src/domain/posts/links';
import { applyFix } from '../../../src/domain/posts/apply-fix';
import { CITY, draft, POLICY_DISCLAIMER } from './fixtures';

const post3 = (text: string, extra: string[] = []) => checkDisclaimer(text, findLinks(text, extra, CITY));
const CITY_LINK = 'https://www.cityofmadison.com/parks';

describe('POST-3 external link disclaimer', () => {
  it('is the policy text word for word, curly quotes included', () => {
    expect(EXTERNAL_LINK_DISCLAIMER).toBe(POLICY_DISCLAIMER);
    expect(EXTERNAL_LINK_DISCLAIMER).toContain('“related” and “promoted”');
    expect(EXTERNAL_LINK_DISCLAIMER).not.toMatch(/["']/);
  });

  it('asks nothing of a post whose links all stay on City domains', () => {
    expect(post3(`Pools open Saturday: ${CITY_LINK} and https://parks.cityofmadison.com/pools`)).toEqual([]);
    expect(post3('No links here.')).toEqual([]);
  });

  it('blocks a post linking outside the City until the disclaimer is added, pointing at the external link', () => {
    const text = `Read the Wisconsin State Journal story (https://madison.com/news/pools) and ${CITY_LINK}`;
    const [f] = post3(text);
    expect(f).toMatchObject({ rule: 'POST-3', code: 'disclaimer-missing', severity: 'blocking', fix: { kind: 'append', label: 'Add the disclaimer' } });
    expect(text.slice(f.range!.start, f.range!.end)).toBe('https://madison.com/news/pools');
    expect(f.message).toContain('madison.com/news/pools');
    const fixed = applyFix(draft(text), f.fix!);
    expect(fixed).toMatchObject({ refused: false });
    if (fixed.refused) return;
    expect(fixed.draft.text).toBe(`${text}\n\n${POLICY_DISCLAIMER}`);
    expect(post3(fixed.draft.text)).toEqual([]);
  });

  it('tells an X drafter the disclaimer cannot fit in a post, and keeps the fix for other platforms', () => {
    const text = `Story: https://madison.com/x ${CITY_LINK}`;
    const links = findLinks(text, [], CITY);
    expect(checkDisclaimer(text, links, 'x')[0].message).toMatch(/On X the disclaimer alone is longer than a post/);
    expect(checkDisclaimer(text, links, 'facebook')[0].message).not.toMatch(/On X/);
  });

  it('treats look-alike City domains as external', () => {
    expect(post3('See cityofmadison.com.evil.example and https://evilcityofmadison.com')).toHaveLength(1);
  });

  it('counts an external link from the extra links field, naming that field', () => {
    const [f] = post3(`Pools open: ${CITY_LINK}`, ['https://www.facebook.com/events/123']);
    expect(f).toMatchObject({ code: 'disclaimer-missing', field: 'links.0' });
    expect(f.range).toBeUndefined();
  });

  it('refuses the disclaimer with straight quotes and offers the exact wording in its place', () => {
    const straight = POLICY_DISCLAIMER.replace(/[“”]/g, '"');
    const text = `Story: https://madison.com/x ${CITY_LINK}\n\n${straight}`;
    const [f] = post3(text);
    expect(f).toMatchObject({ rule: 'POST-3', code: 'disclaimer-not-exact', severity: 'blocking', fix: { kind: 'replace', text: POLICY_DISCLAIMER } });
    expect(f.message).toMatch(/curly quotes/);
    expect(text.slice(f.range!.start, f.range!.end)).toBe(straight);
    const fixed = applyFix(draft(text), f.fix!);
    if (fixed.refused) throw new Error(fixed.message);
    expect(fixed.draft.text).toBe(`Story: https://madison.com/x ${CITY_LINK}\n\n${POLICY_DISCLAIMER}`);
    expect(post3(fixed.draft.text)).toEqual([]);
  });

  it('refuses a near copy with single quotes or changed line breaks, and a shortened one is simply missing', () => {
    const single = POLICY_DISCLAIMER.replace(/[“”]/g, "'").replace('from this page', 'from this\npage');
    expect(post3(`https://madison.com/x ${single}`)[0].code).toBe('disclaimer-not-exact');
    expect(post3(`https://madison.com/x ${POLICY_DISCLAIMER.slice(0, 120)}`)[0].code).toBe('disclaimer-missing');
  });
});

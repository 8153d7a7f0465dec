import { checkCityLink } from '../../../src/domain/posts/city-link';
import { findLinks, findLinksInText, hostOf, isCityHost } from '../../../src/domain/posts/links';
import { CITY, ctx, PARKS_PAGE } from './fixtures';

const post2 = (text: string, extra: string[] = [], c = ctx()) => checkCityLink(text, findLinks(text, extra, c.cityWebDomains), c);

describe('POST-2 link back to the City website', () => {
  it.each([
    'Pool hours: https://www.cityofmadison.com/parks/pools',
    'Pool hours at www.cityofmadison.com/parks/pools.',
    'Pool hours at cityofmadison.com/parks!',
    'Details (https://parks.cityofmadison.com/beaches).',
    'Details: CITYOFMADISON.COM/Parks',
    'Sign up at http://www.cityofmadison.com/parks/register?season=summer&lang=en, today',
    'Sign up: https://www.cityofmadison.com./parks',
    'Sign up: https://www.cityofmadison.com:443/parks',
  ])('accepts a City link written as %p', (text) => {
    expect(post2(text)).toEqual([]);
  });

  it.each([
    'Details at https://cityofmadison.com.evil.example/parks',
    'Details at cityofmadison.com.evil.example',
    'Details at https://evilcityofmadison.com/parks',
    'Details at evilcityofmadison.com',
    'Details at https://cityofmadison.com@evil.example/parks',
    'Details at https://www.cityofmadіson.com/parks (a Cyrillic і)',
    'Write to parks@cityofmadison.com',
    'No link at all',
    '',
  ])('refuses %p as having no City link, and offers the presence page', (text) => {
    const [f, ...rest] = post2(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'POST-2', code: 'no-city-link', severity: 'blocking', fix: { kind: 'append', label: "Add the presence's City page" } });
    expect(f.message).toContain('cityofmadison.com');
    expect(f.fix).toMatchObject({ text: text ? `\n\n${PARKS_PAGE}` : PARKS_PAGE });
  });

  it('counts a City link given in the extra links field', () => {
    expect(post2('Come swim with us!', ['https://www.cityofmadison.com/parks/pools'])).toEqual([]);
    expect(post2('Come swim with us!', ['cityofmadison.com.evil.example'])).toHaveLength(1);
  });

  it('offers no fix when the registry has no City page, or a page that is not on a City domain', () => {
    expect(post2('Hello', [], ctx({ cityPageUrl: undefined }))[0].fix).toBeUndefined();
    expect(post2('Hello', [], ctx({ cityPageUrl: 'https://example.org/parks' }))[0].fix).toBeUndefined();
  });

  it('takes the City domains from configuration, subdomains included', () => {
    const c = ctx({ cityWebDomains: ['cityofmadison.com', 'madisonlibrary.org'] });
    expect(post2('Story time at https://www.madisonlibrary.org/kids', [], c)).toEqual([]);
    expect(post2('Story time at madisonlibrary.org', [], c)).toEqual([]);
    expect(post2('Story time at https://madisonlibrary.org.example.net', [], c)).toHaveLength(1);
  });

  it('finds schemeless links on a City domain whose top-level domain is a newer one', () => {
    const c = ctx({ cityWebDomains: ['madison.city'], cityPageUrl: 'https://parks.madison.city' });
    expect(post2('Pools: parks.madison.city/pools', [], c)).toEqual([]);
    expect(post2('Pools: parks.madison.town/pools', [], c)).toHaveLength(1);
  });
});

describe('POST-2 / POST-3 finding links', () => {
  it('keeps parentheses and trailing punctuation out of the link, with exact ranges', () => {
    const text = 'See (www.cityofmadison.com/parks). Or https://en.wikipedia.org/wiki/Madison_(Wisconsin), too.';
    const links = findLinksInText(text, CITY);
    expect(links.map((l) => text.slice(l.range!.start, l.range!.end))).toEqual(['www.cityofmadison.com/parks', 'https://en.wikipedia.org/wiki/Madison_(Wisconsin)']);
    expect(links.map((l) => [l.host, l.city])).toEqual([['www.cityofmadison.com', true], ['en.wikipedia.org', false]]);
  });

  it('gives ranges in UTF-16 offsets after emoji and accents', () => {
    const text = '🏊‍♀️ Piscine d’été 🌞 www.cityofmadison.com/pools';
    const [l] = findLinksInText(text, CITY);
    expect(text.slice(l.range!.start, l.range!.end)).toBe('www.cityofmadison.com/pools');
  });

  it('reads the host as a browser would, and refuses what no browser opens', () => {
    expect(hostOf('cityofmadison.com/x')).toBe('cityofmadison.com');
    expect(hostOf('https://user:pw@cityofmadison.com.evil.example/')).toBe('cityofmadison.com.evil.example');
    expect(hostOf('javascript:alert(1)')).toBeNull();
    expect(hostOf('https://')).toBeNull();
    expect(hostOf('__proto__')).toBeNull();
    expect(hostOf('https://user')).toBeNull();
    expect(isCityHost('__proto__', CITY)).toBe(false);
    expect(isCityHost('WWW.CityOfMadison.Com.', CITY)).toBe(true);
    expect(isCityHost('cityofmadison.com', [''])).toBe(false);
  });

  it('finds nothing in text that only looks technical', () => {
    expect(findLinksInText('__proto__ constructor toString 3.14 e.g. i.e. a.m.', CITY)).toEqual([]);
  });
});

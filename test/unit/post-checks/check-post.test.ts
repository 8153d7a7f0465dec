import { applyFix } from '../../../src/domain/posts/apply-fix';
import { blocking, checkPost, countBySeverity, flags } from '../../../src/domain/posts/check-post';
import { POST_INPUT_LIMITS, ZPostDraft } from '../../../src/domain/posts/input-limits';
import type { Finding, PostDraft } from '../../../src/domain/posts/types';
import { ctx, draft, PARKS_PAGE, POLICY_DISCLAIMER } from './fixtures';

const codes = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.code}`);

/** Applies the first fix offered for a code, as a card button would ask the server to. */
function fixFirst(d: PostDraft, code: string, c = ctx()): PostDraft {
  const f = checkPost(d, c).find((x) => x.code === code);
  if (!f?.fix) throw new Error(`no fix offered for ${code}`);
  const r = applyFix(d, f.fix);
  if (r.refused) throw new Error(r.message);
  return r.draft;
}

describe('checkPost runs every rule on a draft', () => {
  it('passes a good Parks post with nothing to say', () => {
    const d = draft(`Goodman Pool opens Saturday at noon. Swim lessons start June 15. Sign up today! Find hours and prices at ${PARKS_PAGE}/pools #MadisonParks`, {
      images: [{ url: 'https://www.cityofmadison.com/img/pool.jpg', alt: 'Children jump into the Goodman Pool on a sunny day' }],
    });
    expect(checkPost(d, ctx())).toEqual([]);
    expect(checkPost(d, ctx({ platform: 'x' }))).toEqual([]);
  });

  it('lists policy findings first, then platform, then accessibility', () => {
    const d = draft('EVACUATE the beach! Call 608-555-0142. Story at https://madison.com/x #beachsafety', { images: [{ url: 'https://x.example/a.png', alt: '' }] });
    expect(codes(checkPost(d, ctx({ platform: 'instagram' })))).toEqual([
      'POST-4:emergency-wording',
      'POST-2:no-city-link',
      'POST-3:disclaimer-missing',
      'POST-5:phone-number',
      'PLATFORM:links-not-clickable',
      'A11Y:alt-text-missing',
      'A11Y:hashtag-case',
      'A11Y:all-caps',
    ]);
  });

  it('a spokesperson fixes a draft with one click per finding until nothing blocks', () => {
    let d = draft('Read about our new splash pad in the Wisconsin State Journal: https://madison.com/news/splash-pad #splashpad');
    expect(codes(blocking(checkPost(d, ctx())))).toEqual(['POST-2:no-city-link', 'POST-3:disclaimer-missing']);
    d = fixFirst(d, 'no-city-link');
    d = fixFirst(d, 'disclaimer-missing');
    d = fixFirst(d, 'hashtag-case');
    expect(d.text).toBe(`Read about our new splash pad in the Wisconsin State Journal: https://madison.com/news/splash-pad #SplashPad\n\n${PARKS_PAGE}\n\n${POLICY_DISCLAIMER}`);
    expect(checkPost(d, ctx())).toEqual([]);
  });

  it('keeps POST-5 as flags the approver sees, which do not block submission', () => {
    const findings = checkPost(draft(`Questions? Call Pat at 608-555-0142. ${PARKS_PAGE}`), ctx());
    expect(blocking(findings)).toEqual([]);
    expect(codes(flags(findings))).toEqual(['POST-5:phone-number']);
    expect(countBySeverity(findings)).toEqual({ blocking: 0, flag: 1, warning: 0 });
  });

  it('does not score the disclaimer or links for reading grade', () => {
    const d = draft(`Come play! The splash pad is open. Bring the kids. It is free. See https://madison.com/x and ${PARKS_PAGE}\n\n${POLICY_DISCLAIMER}`);
    expect(codes(checkPost(d, ctx()))).toEqual([]);
  });

  it('refuses a declared emergency even when the text looks harmless', () => {
    expect(codes(blocking(checkPost(draft(`Pools closed today. ${PARKS_PAGE}`, { emergency: true }), ctx())))).toEqual(['POST-4:emergency-declared']);
  });
});

describe('checkPost edge cases', () => {
  it('handles an empty draft', () => {
    expect(codes(checkPost(draft(''), ctx()))).toEqual(['POST-2:no-city-link']);
    expect(applyFix(draft(''), checkPost(draft(''), ctx())[0].fix!)).toMatchObject({ draft: { text: PARKS_PAGE } });
  });

  it('treats __proto__ and other prototype names as plain text', () => {
    const d = draft(`__proto__ constructor hasOwnProperty toString #__proto__ ${PARKS_PAGE}`, { links: ['__proto__'] });
    expect(checkPost(d, ctx())).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks a 10,000-character post and points at where X stops counting', () => {
    const text = `${PARKS_PAGE} ${'Swim safe. '.repeat(1000)}`.slice(0, POST_INPUT_LIMITS.textChars);
    expect(text).toHaveLength(10_000);
    const x = checkPost(draft(text), ctx({ platform: 'x' }));
    const long = x.find((f) => f.code === 'too-long')!;
    expect(long.severity).toBe('blocking');
    expect(long.range!.end).toBe(10_000);
    expect(codes(checkPost(draft(text), ctx({ platform: 'facebook' })))).toEqual([]);
  });

  it('finds links in parentheses, in unicode text and next to emoji', () => {
    const d = draft(`🌊 Plage ouverte (voir ${PARKS_PAGE}). Info: (https://fr.wikipedia.org/wiki/Madison_(Wisconsin))`);
    const [f] = checkPost(d, ctx());
    expect(f.code).toBe('disclaimer-missing');
    expect(d.text.slice(f.range!.start, f.range!.end)).toBe('https://fr.wikipedia.org/wiki/Madison_(Wisconsin)');
  });
});

describe('applyFix', () => {
  const d = draft('Swim at #goodmanpool today');
  const [tagFix] = checkPost(d, ctx()).filter((f) => f.code === 'hashtag-case');

  it('refuses a replace whose text has changed since it was offered, and changes nothing', () => {
    const edited = { ...d, text: 'Swim at the #goodmanpool today' };
    expect(applyFix(edited, tagFix.fix!)).toMatchObject({ refused: true, code: 'STALE_CARD' });
    expect(applyFix(draft('short'), tagFix.fix!)).toMatchObject({ refused: true, code: 'STALE_CARD' });
  });

  it('refuses ranges that are not whole offsets inside the text', () => {
    const bad = (range: { start: number; end: number }) => applyFix(d, { kind: 'replace', label: 'x', range, expected: '', text: 'x' });
    expect(bad({ start: -1, end: 0 })).toMatchObject({ refused: true });
    expect(bad({ start: 5, end: 4 })).toMatchObject({ refused: true });
    expect(bad({ start: 0.5, end: 1 })).toMatchObject({ refused: true });
    expect(bad({ start: 0, end: 0 })).toMatchObject({ refused: false, draft: { text: `x${d.text}` } });
  });

  it('refuses a fix that would take the post over the input cap', () => {
    const full = draft('a'.repeat(POST_INPUT_LIMITS.textChars - 5));
    expect(applyFix(full, { kind: 'append', label: 'x', text: '\n\nhttps://www.cityofmadison.com' })).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
  });

  it('leaves the original draft untouched', () => {
    const r = applyFix(d, tagFix.fix!);
    expect(r).toMatchObject({ refused: false, draft: { text: 'Swim at #GoodmanPool today' } });
    expect(d.text).toBe('Swim at #goodmanpool today');
  });
});

describe('ZPostDraft caps every free-text input', () => {
  it('accepts a card\'s draft and fills defaults', () => {
    expect(ZPostDraft.parse({ text: 'Hi' })).toEqual({ text: 'Hi', links: [], images: [], emergency: false });
    expect(ZPostDraft.parse({ text: 'Hi', emergency: 'yes' }).emergency).toBe(true);
    expect(ZPostDraft.parse({ text: 'Hi', emergency: 'false' }).emergency).toBe(false);
    expect(ZPostDraft.safeParse({ text: 'Hi', emergency: 'maybe' }).error?.issues[0].message).toBe('Say whether this is emergency information');
  });

  it('refuses oversized or malformed input with a message that says what to fix', () => {
    const msg = (input: unknown) => ZPostDraft.safeParse(input).error?.issues[0].message;
    expect(msg({ text: 'a'.repeat(10_001) })).toBe('Keep the post under 10,000 characters');
    expect(msg({ text: '', links: Array(11).fill('cityofmadison.com') })).toBe('Add at most 10 links');
    expect(msg({ text: '', links: ['x'.repeat(2_001)] })).toBe('Keep each link under 2,000 characters');
    expect(msg({ text: '', links: ['__proto__'] })).toMatch(/^Enter each link as a web address/);
    expect(msg({ text: '', links: ['javascript:alert(1)'] })).toMatch(/^Enter each link as a web address/);
    expect(msg({ text: '', images: [{ url: 'not a url', alt: 'A pool' }] })).toMatch(/full address/);
    expect(msg({ text: '', images: [{ url: 'https://x.example/a.png', alt: 'a'.repeat(1_001) }] })).toBe('Keep the alt text under 1,000 characters');
    expect(msg({ text: 42 })).toBeDefined();
  });

  it('drops keys it does not know, __proto__ included', () => {
    const parsed = ZPostDraft.parse(JSON.parse('{"text":"Hi","__proto__":{"polluted":true},"role":"admin"}'));
    expect(parsed).toEqual({ text: 'Hi', links: [], images: [], emergency: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

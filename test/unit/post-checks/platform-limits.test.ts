import { findLinks } from '../../../src/domain/posts/links';
import { checkPlatformLimits, PLATFORM_TEXT_LIMITS } from '../../../src/domain/posts/platform-limits';
import type { PostPlatform } from '../../../src/domain/posts/types';
import { CITY } from './fixtures';

const check = (text: string, platform: PostPlatform) => checkPlatformLimits(text, findLinks(text, [], CITY), platform);

describe('PLATFORM limits', () => {
  it('counts X posts as X does: every link weighs 23, most emoji 2', () => {
    const link = `https://www.cityofmadison.com/parks/${'long-path/'.repeat(20)}`;
    // 256 letters + space + a link of 23 = 280: exactly at the limit however long the link is.
    expect(check(`${'a'.repeat(256)} ${link}`, 'x')).toEqual([]);
    const [f] = check(`${'a'.repeat(257)} ${link}`, 'x');
    expect(f).toMatchObject({ rule: 'PLATFORM', code: 'too-long', severity: 'blocking' });
    expect(f.message).toContain('281 of 280');
    expect(check('😀'.repeat(140), 'x')).toEqual([]);
    const [emoji] = check('😀'.repeat(141), 'x');
    expect(emoji.message).toContain('282 of 280');
    // The part past the limit, in UTF-16 offsets: the 141st emoji.
    expect(emoji.range).toEqual({ start: 280, end: 282 });
  });

  it('holds Instagram to 2,200 characters, counting an emoji as one', () => {
    expect(check('😀'.repeat(2200), 'instagram')).toEqual([]);
    const [f] = check(`${'😀'.repeat(2200)}ab`, 'instagram');
    expect(f).toMatchObject({ code: 'too-long', range: { start: 4400, end: 4402 } });
    expect(f.message).toContain('2,202 characters of 2,200');
  });

  it('allows 30 hashtags on Instagram and blocks the 31st', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#Tag${i}`).join(' ');
    expect(check(tags(30), 'instagram')).toEqual([]);
    const text = tags(31);
    const [f] = check(text, 'instagram');
    expect(f).toMatchObject({ code: 'too-many-hashtags', severity: 'blocking' });
    expect(text.slice(f.range!.start)).toBe('#Tag30');
  });

  it('warns that links in an Instagram caption cannot be clicked', () => {
    const [f] = check('Pools open! cityofmadison.com/parks', 'instagram');
    expect(f).toMatchObject({ code: 'links-not-clickable', severity: 'warning', range: { start: 12, end: 35 } });
    expect(check('Pools open! cityofmadison.com/parks', 'facebook')).toEqual([]);
  });

  it.each([
    ['facebook', 63_206],
    ['linkedin', 3_000],
    ['youtube', 5_000],
  ] as const)('holds %s posts to %d characters', (platform, limit) => {
    expect(PLATFORM_TEXT_LIMITS.get(platform)?.chars).toBe(limit);
    expect(check('a'.repeat(limit), platform)).toEqual([]);
    expect(check('a'.repeat(limit + 1), platform)).toMatchObject([{ code: 'too-long', range: { start: limit, end: limit + 1 } }]);
  });

  it('refuses < and > in a YouTube description', () => {
    expect(check('Ages 5 -> 12 welcome', 'youtube')).toMatchObject([{ code: 'angle-brackets', range: { start: 8, end: 9 } }]);
    expect(check('Ages 5 -> 12 welcome', 'linkedin')).toEqual([]);
  });

  it('has no limit to check for platforms without a documented one', () => {
    expect(check('a'.repeat(10_000), 'other')).toEqual([]);
    expect(check('a'.repeat(10_000), 'nextdoor')).toEqual([]);
  });
});

import twitter from 'twitter-text';
import type { FoundLink } from './links';
import type { Finding, PostPlatform } from './types';

/**
 * Each platform's limit on a post's text, as the platforms document them (checked late 2026):
 * - X: 280, weighted the way X weighs it (most CJK and emoji count 2, every link 23) by X's own twitter-text.
 *   Subscribers may post longer; City accounts are held to the standard limit so every post fits everywhere.
 * - Instagram: captions up to 2,200 characters and 30 hashtags; links in a caption are not clickable.
 * - Facebook: posts up to 63,206 characters.
 * - LinkedIn: posts (the share commentary) up to 3,000 characters.
 * - YouTube: descriptions up to 5,000 characters, and never the characters < or > (the Data API refuses them).
 * Nextdoor, TikTok and "other" have no limit here: none is documented that we could keep true.
 */
export const PLATFORM_TEXT_LIMITS: ReadonlyMap<PostPlatform, { name: string; chars: number }> = new Map([
  ['x', { name: 'X', chars: 280 }],
  ['instagram', { name: 'Instagram', chars: 2_200 }],
  ['facebook', { name: 'Facebook', chars: 63_206 }],
  ['linkedin', { name: 'LinkedIn', chars: 3_000 }],
  ['youtube', { name: 'YouTube', chars: 5_000 }],
] as const);
export const INSTAGRAM_MAX_HASHTAGS = 30;

/** UTF-16 offset of the n-th code point, so a range can be sliced from the text. */
function offsetOfCodePoint(text: string, n: number): number {
  let offset = 0;
  for (let i = 0; i < n && offset < text.length; i++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

const n = (x: number) => x.toLocaleString('en-US');

function overLimit(text: string, platform: PostPlatform): Finding | undefined {
  const limit = PLATFORM_TEXT_LIMITS.get(platform);
  if (!limit) return undefined;
  if (platform === 'x') {
    const parsed = twitter.parseTweet(text);
    if (parsed.weightedLength <= limit.chars) return undefined;
    return {
      rule: 'PLATFORM',
      code: 'too-long',
      severity: 'blocking',
      range: { start: parsed.validRangeEnd + 1, end: text.length },
      message: `Too long for X: it counts ${n(parsed.weightedLength)} of ${n(limit.chars)} (X counts every link as 23 and most emoji as 2). Shorten it by ${n(parsed.weightedLength - limit.chars)}.`,
    };
  }
  const length = [...text].length;
  if (length <= limit.chars) return undefined;
  return {
    rule: 'PLATFORM',
    code: 'too-long',
    severity: 'blocking',
    range: { start: offsetOfCodePoint(text, limit.chars), end: text.length },
    message: `Too long for ${limit.name}: ${n(length)} characters of ${n(limit.chars)}. Shorten it by ${n(length - limit.chars)}.`,
  };
}

function instagram(text: string, links: readonly FoundLink[]): Finding[] {
  const out: Finding[] = [];
  const tags = twitter.extractHashtagsWithIndices(text);
  if (tags.length > INSTAGRAM_MAX_HASHTAGS) {
    const first = tags[INSTAGRAM_MAX_HASHTAGS].indices[0];
    out.push({ rule: 'PLATFORM', code: 'too-many-hashtags', severity: 'blocking', range: { start: first, end: text.length }, message: `Instagram allows ${INSTAGRAM_MAX_HASHTAGS} hashtags; this has ${tags.length}. Remove ${tags.length - INSTAGRAM_MAX_HASHTAGS}.` });
  }
  const inText = links.find((l) => l.range);
  if (inText) {
    out.push({ rule: 'PLATFORM', code: 'links-not-clickable', severity: 'warning', range: inText.range, message: 'Links in an Instagram caption cannot be clicked. Keep the address short enough to type, and put it in the account\'s bio too ("link in bio").' });
  }
  return out;
}

function youtube(text: string): Finding[] {
  const at = text.search(/[<>]/);
  if (at < 0) return [];
  return [{ rule: 'PLATFORM', code: 'angle-brackets', severity: 'blocking', range: { start: at, end: at + 1 }, message: 'YouTube descriptions cannot contain < or >. Replace them with words.' }];
}

export function checkPlatformLimits(text: string, links: readonly FoundLink[], platform: PostPlatform): Finding[] {
  const out: Finding[] = [];
  const long = overLimit(text, platform);
  if (long) out.push(long);
  if (platform === 'instagram') out.push(...instagram(text, links));
  if (platform === 'youtube') out.push(...youtube(text));
  return out;
}

/**
 * The compose card's label for the text: the platform's own limit where it is stricter than the card's cap, else the
 * cap, said plainly (Facebook takes more than a Teams card can carry). The platform check blocks above it, saying by
 * how much, rather than the input cutting pasted text without a word.
 */
export function textLimitHint(platform: PostPlatform, cap: number): string {
  const limit = PLATFORM_TEXT_LIMITS.get(platform);
  if (platform === 'x') return `X counts up to ${n(limit!.chars)}, every link as 23`;
  if (limit && limit.chars <= cap) return `${limit.name} takes up to ${n(limit.chars)} characters`;
  return `up to ${n(cap)} characters here${limit ? `; ${limit.name} takes ${n(limit.chars)}, more than a Teams card carries` : ''}`;
}

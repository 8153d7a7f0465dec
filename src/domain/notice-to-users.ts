import { z } from 'zod';
import { ownValue } from './own-keys';

/**
 * REG-5 (APM policy 7): every presence carries the City's notice to users with its three links (Terms of Use, Social
 * Media Guidelines, Comments Policy). The wording comes from configuration (the City's approved documents,
 * src/config/notice-to-users.json or NOTICE_FILE), validated here; per platform the bot offers a version that fits
 * the place it goes (an Instagram bio holds 150 characters: one line and the link to the full text).
 */
const https = z.url({ protocol: /^https$/, error: 'must be an https:// address' });
const PLACEHOLDERS = ['{handle}', '{department}', '{purpose}', '{termsOfUse}', '{guidelines}', '{commentsPolicy}'] as const;

export const ZNoticeConfig = z.object({
  source: z.string().max(1000).optional(),
  fullText: z
    .string()
    .trim()
    .min(40)
    .max(2000)
    .refine((t) => PLACEHOLDERS.every((p) => t.includes(p)), `fullText must use every placeholder: ${PLACEHOLDERS.join(' ')}`),
  shortText: z.string().trim().min(10).max(100),
  shortestText: z.string().trim().min(5).max(40),
  links: z.object({ termsOfUse: https, guidelines: https, commentsPolicy: https, fullNotice: https }),
});
export type NoticeConfig = z.infer<typeof ZNoticeConfig>;

/** Where the notice goes on each platform and how many characters it holds (the platforms' published limits). */
export const NOTICE_PLACES: Record<string, { place: string; limit: number }> = {
  instagram: { place: 'Instagram bio', limit: 150 },
  x: { place: 'X bio', limit: 160 },
  facebook: { place: 'Facebook Page "About" description', limit: 255 },
  tiktok: { place: 'TikTok bio', limit: 80 },
  youtube: { place: 'YouTube channel description', limit: 1000 },
  linkedin: { place: 'LinkedIn page "About" overview', limit: 2000 },
};

export interface FittedNotice {
  place: string;
  limit?: number;
  text: string;
  /** Characters as the platform counts them (code points). */
  length: number;
  /** True when the full notice fits; otherwise a short version with the link to the full text. */
  full: boolean;
}

const count = (s: string) => [...s].length;

export function fullNotice(c: NoticeConfig, v: { handle: string; department: string; purpose: string }): string {
  const about = v.purpose.trim().replace(/[.\s]+$/, '');
  const values: Record<string, string> = { handle: v.handle, department: v.department, purpose: about, ...c.links };
  // One pass, so a value that happens to contain "{...}" is never substituted again.
  return c.fullText.replace(/\{(\w+)\}/g, (m, key: string) => ownValue(values, key) ?? m);
}

/** The notice for a platform: the full text where it fits, else the longest short version (with its link) that does. */
export function noticeFor(c: NoticeConfig, platform: string, v: { handle: string; department: string; purpose: string }): FittedNotice {
  const full = fullNotice(c, v);
  const spot = ownValue(NOTICE_PLACES, platform);
  if (!spot || count(full) <= spot.limit) return { place: spot?.place ?? 'the account\'s bio, "About" or pinned post', limit: spot?.limit, text: full, length: count(full), full: true };
  const candidates = [`${c.shortText} ${c.links.fullNotice}`, `${c.shortestText} ${c.links.fullNotice}`, c.links.fullNotice];
  const text = candidates.find((t) => count(t) <= spot.limit) ?? c.links.fullNotice;
  return { place: spot.place, limit: spot.limit, text, length: count(text), full: false };
}

import { ZPostDraft, type TPostDraft } from './input-limits';

/**
 * The compose card's fields as the guided-flow engine stores them (strings), and the PostDraft the checks read.
 * Links are one per line; three image slots (address and alt text); publish date and time are local to TIME_ZONE.
 */
export const IMAGE_SLOTS = 3;
export const COMPOSE_FIELDS = ['text', 'links', ...[1, 2, 3].flatMap((i) => [`image${i}Url`, `image${i}Alt`]), 'publishDate', 'publishTime', 'emergency'] as const;
export type ComposeValues = Partial<Record<string, string>>;

/**
 * The compose card's own caps, tighter than ZPostDraft's: the whole post must fit on the approval card, which Teams
 * refuses over 28 KB (CARDS.md: under 24 KB). 5,000 characters is YouTube's limit and above Instagram's, LinkedIn's
 * and X's; the byte cap holds for text in any script (a CJK character is 3 bytes in UTF-8).
 */
export const COMPOSE_LIMITS = { textChars: 5_000, linksChars: 1_000, imageUrlChars: 500, altChars: 500, contentBytes: 8_000 } as const;

const UTF8 = new TextEncoder();

/** What to fix when the post as typed would not fit on a card, or undefined. */
export function composeTooBig(values: Record<string, unknown>): string | undefined {
  const fields = COMPOSE_FIELDS.filter((f) => f === 'text' || f === 'links' || f.startsWith('image'));
  // Measured as the card carries it: JSON-escaped ('"' and '\\' take 2 bytes, a control character 6) in UTF-8.
  const bytes = fields.reduce((n, f) => n + (typeof values[f] === 'string' ? UTF8.encode(JSON.stringify(values[f])).length - 2 : 0), 0);
  if (bytes > COMPOSE_LIMITS.contentBytes) return `This post is too long to show on a Teams card (${Math.ceil(bytes / 1000)} KB of text, links and images; the most is ${COMPOSE_LIMITS.contentBytes / 1000} KB). Shorten it; nothing was saved.`;
  return undefined;
}

const get = (v: ComposeValues, k: string) => (Object.hasOwn(v, k) ? v[k] : undefined);

/** The draft the checks read, or the problems keyed by the compose card's field ids. */
export function postDraftOf(values: ComposeValues): { ok: true; draft: TPostDraft } | { ok: false; errors: Record<string, string>; draft: TPostDraft } {
  const links = (get(values, 'links') ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const images = [];
  for (let i = 1; i <= IMAGE_SLOTS; i++) {
    const url = get(values, `image${i}Url`);
    const alt = get(values, `image${i}Alt`);
    if (url || alt) images.push({ url: url ?? '', alt: alt ?? '' });
  }
  const raw = { text: get(values, 'text') ?? '', links, images, emergency: get(values, 'emergency') ?? 'no' };
  const parsed = ZPostDraft.safeParse(raw);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [field, index, sub] = issue.path;
    const key = field === 'images' && typeof index === 'number' ? `image${index + 1}${sub === 'alt' ? 'Alt' : 'Url'}` : String(field ?? 'text');
    errors[key] ??= issue.message;
  }
  // The checks still run on what can be read, so the card shows every problem at once.
  const fallback = ZPostDraft.safeParse({ text: raw.text.slice(0, 10_000), links: [], images: [], emergency: raw.emergency });
  return { ok: false, errors, draft: fallback.success ? fallback.data : { text: '', links: [], images: [], emergency: false } };
}

/** The compose values for a changed text (a one-click fix rewrites only the text). */
export const withText = (values: ComposeValues, text: string): ComposeValues => ({ ...values, text });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** "Publish at", optional: a date (and time, 9:00 when left out) in the City's time zone, as an instant. */
export function publishAtOf(values: ComposeValues, timeZone: string): { ok: true; at: Date | null } | { ok: false; field: string; message: string } {
  const date = get(values, 'publishDate');
  const time = get(values, 'publishTime');
  if (!date && !time) return { ok: true, at: null };
  if (!date || !DATE.test(date)) return { ok: false, field: 'publishDate', message: 'Choose the day to publish, or leave both publish fields empty' };
  if (time && !TIME.test(time)) return { ok: false, field: 'publishTime', message: 'Enter the time as HH:MM' };
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = (time ?? '09:00').split(':').map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return { ok: false, field: 'publishDate', message: 'That is not a real date and time' };
  return { ok: true, at: zonedInstant(Date.UTC(y, mo - 1, d, h, mi), timeZone) };
}

/** The instant whose wall-clock time in `timeZone` is `wallUtc` read as UTC (two passes settle DST edges). */
function zonedInstant(wallUtc: number, timeZone: string): Date {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const wallOf = (t: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  };
  let t = wallUtc;
  for (let i = 0; i < 2; i++) t += wallUtc - wallOf(t);
  return new Date(t);
}

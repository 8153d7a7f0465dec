import { z } from 'zod';
import { hostOf } from './links';
import type { PostDraft } from './types';

/**
 * Caps on every free-text input of a draft, checked on the server whatever the card allowed. The text cap sits
 * above every platform's own limit (Facebook's 63,206 excepted) so the platform check, not this one, explains
 * a long post; alt text follows X's 1,000-character limit, the tightest of the platforms.
 */
export const POST_INPUT_LIMITS = {
  textChars: 10_000,
  linkChars: 2_000,
  links: 10,
  imageUrlChars: 2_000,
  altChars: 1_000,
  images: 10,
} as const;

const L = POST_INPUT_LIMITS;
const trimmed = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-US')} characters`);

const yesNo = (v: unknown) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' || v === '' ? false : v);

/** The draft as it arrives from a card or is read back from storage; unknown keys are dropped. */
export const ZPostDraft = z.object({
  // Not trimmed: a fix's range points into the text exactly as stored.
  text: z.string().max(L.textChars, `Keep the post under ${L.textChars.toLocaleString('en-US')} characters`),
  links: z
    .array(trimmed(L.linkChars, 'each link').min(1, 'Remove the empty link').refine((s) => hostOf(s) !== null, 'Enter each link as a web address, like https://www.cityofmadison.com/parks'))
    .max(L.links, `Add at most ${L.links} links`).default([]),
  images: z
    .array(z.object({ url: trimmed(L.imageUrlChars, 'the image address').url('Enter the image as a full address, like https://…'), alt: trimmed(L.altChars, 'the alt text').default('') }))
    .max(L.images, `Add at most ${L.images} images`)
    .default([]),
  // Cards send choices as strings ("yes"/"no", "true"/"false"); storage sends a boolean.
  emergency: z.preprocess(yesNo, z.boolean({ error: 'Say whether this is emergency information' })).default(false),
});

export type TPostDraft = z.infer<typeof ZPostDraft>;

// The schema's output must stay assignable to what the checks read.
const _fits: (d: TPostDraft) => PostDraft = (d) => d;
void _fits;

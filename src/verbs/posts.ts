import { z } from 'zod';
import { blankToUndefined } from './parse';
import { COMPOSE_LIMITS as L, composeTooBig } from '../domain/posts/compose-form';

/** Card actions of the posts journey (issue 11). Data names the post or round and what the clicker saw, never authority. */
const postId = z.string().uuid('This card does not name a post. Type "my posts" for a fresh card.');

export const ZPostRef = z.object({ postId });
export const ZPostNew = z.object({ verb: z.literal('post.new'), presenceId: z.preprocess(blankToUndefined, z.string({ error: 'Choose the presence to post for' }).uuid('Choose the presence from the list')) });
/** The compose card's inputs travel beside these; the guided-flow engine takes only the declared fields, capped. */
const capped = (max: number, what: string) => z.string().max(max, `Keep ${what} under ${max.toLocaleString('en-US')} characters; nothing was saved.`).optional();
const image = (i: number) => ({ [`image${i}Url`]: capped(L.imageUrlChars, `image ${i}'s address`), [`image${i}Alt`]: capped(L.altChars, `image ${i}'s alt text`) });
export const ZPostStep = z
  .looseObject({
    verb: z.literal('post.step'),
    postId,
    nav: z.enum(['next', 'save']),
    // The compose card's own cap (the approval card must fit in Teams); stricter platform limits block at the check.
    text: z.string().max(L.textChars, `Social Steward takes posts up to ${L.textChars.toLocaleString('en-US')} characters, so the approval card fits in Teams. Shorten it; nothing was saved.`).optional(),
    links: capped(L.linksChars, 'the links'),
    ...image(1),
    ...image(2),
    ...image(3),
    publishDate: capped(10, 'the date'),
    publishTime: capped(5, 'the time'),
    emergency: capped(5, 'the answer'),
  })
  .superRefine((v, ctx) => {
    const tooBig = composeTooBig(v);
    if (tooBig) ctx.addIssue({ code: 'custom', path: ['text'], message: tooBig });
  });
export const ZPostFix = z.object({ verb: z.literal('post.fix'), postId, version: z.coerce.number().int().min(1), code: z.string().max(64), index: z.coerce.number().int().min(0).max(500) });
export const ZPostDecision = z.object({
  verb: z.literal('post.decide'),
  roundId: z.string().uuid('This card does not name a post round.'),
  decision: z.enum(['approve', 'return']),
  reason: z.preprocess(blankToUndefined, z.string().trim().max(1000, 'Keep the reason under 1000 characters').optional()),
});
export const ZPostPublish = z.object({
  verb: z.literal('post.publish'),
  postId,
  url: z.preprocess(blankToUndefined, z.string({ error: "Paste the address of the post on the platform" }).trim().max(2000, 'Keep the address under 2000 characters').url('Paste the full address of the post, like https://www.facebook.com/…').refine((u) => /^https?:\/\//i.test(u), 'Paste a web address (https://…)')),
});

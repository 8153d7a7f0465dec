import { z } from 'zod';
import { blankToUndefined } from './parse';

const uuid = (what: string) => z.string().uuid(`This card does not name ${what}.`);
const text = (max: number, what: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, `Keep the ${what} under ${max} characters`).optional());
const postId = uuid('a post');
const presenceId = uuid('a presence');

/** REC-4: a post's history, and IT's form to record an edit or removal. The rule checks kind, policy and reason. */
export const ZPostHistory = z.object({ verb: z.literal('post.history'), postId });
export const ZCorrectionStart = z.object({ verb: z.literal('post.correct.start'), postId });
export const ZCorrection = z.object({
  verb: z.literal('post.correct'),
  postId,
  kind: text(20, 'kind'),
  policy: text(20, 'policy'),
  reason: text(1000, 'reason'),
  editedText: text(5000, 'edited text'),
});

/** REC-3: IT's view of a presence, and the IT Director's referral form. Dates and the case number are the rule's. */
export const ZOversight = z.object({ verb: z.literal('presence.oversight'), presenceId });
export const ZReferralStart = z.object({ verb: z.literal('referral.start'), presenceId, postId: z.preprocess(blankToUndefined, postId.optional()) });
export const ZReferral = z.object({
  verb: z.literal('referral.record'),
  presenceId,
  postId: z.preprocess(blankToUndefined, postId.optional()),
  foundOn: text(10, 'date found'),
  reportedOn: text(10, 'date reported'),
  caseNumber: text(40, 'case number'),
  note: text(1000, 'note'),
  /** The multi-select's comma-separated values: 'presence' and 'post:<id>' (21 at most). */
  held: text(21 * 42, 'list of records'),
});
export type TCorrection = z.infer<typeof ZCorrection>;
export type TReferral = z.infer<typeof ZReferral>;

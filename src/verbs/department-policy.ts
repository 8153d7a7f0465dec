import { MAX_COMMENTS_LENGTH } from '../domain/policy-points';
import { z } from 'zod';

const id = z.string().uuid('This card does not name a policy. Type "file our policy" for a fresh card.');
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ZPolicyStep = z.looseObject({ verb: z.literal('policy.step'), policyId: id, step: z.coerce.number().int().min(1).max(7), nav: z.enum(['next', 'back', 'save']) });
export const ZPolicyRef = z.object({ verb: z.string(), policyId: id, step: z.coerce.number().int().min(1).max(7).optional() });
export const ZPolicyStart = z.object({ verb: z.literal('policy.start'), departmentId: z.preprocess(blank, z.string().max(64).optional()) });
export const ZPolicyDecision = z.object({
  verb: z.literal('policy.decide'),
  policyId: id,
  decision: z.enum(['acknowledge', 'return']),
  comments: z.preprocess(blank, z.string().trim().max(MAX_COMMENTS_LENGTH, `Keep comments under ${MAX_COMMENTS_LENGTH} characters`).optional()),
});
export const ZBlockRequest = z.object({
  verb: z.literal('block.request'),
  departmentId: z.string().min(1).max(64),
  sites: z.preprocess(blank, z.string({ error: 'List the sites to block, like facebook.com, tiktok.com' }).trim().min(3, 'List the sites to block, like facebook.com, tiktok.com').max(500)),
  reason: z.preprocess(blank, z.string({ error: 'Say why your department needs the block' }).trim().min(10, 'Say why your department needs the block (a sentence)').max(1000)),
});
export const ZBlockDecision = z.object({
  verb: z.literal('block.decide'),
  blockId: z.string().uuid(),
  decision: z.enum(['done', 'decline']),
  response: z.preprocess(blank, z.string().trim().max(1000).optional()),
});

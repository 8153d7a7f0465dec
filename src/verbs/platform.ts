import { z } from 'zod';
import { MAX_REASONING } from '../domain/platform-decision';

/** REQ-7: the IT Director's decision on a platform, with the public-records reasoning (checked for length by the rule). */
export const ZPlatformDecision = z.object({
  verb: z.literal('platform.decide'),
  decisionId: z.string().uuid('This card does not name a platform decision.'),
  decision: z.enum(['allowed', 'not_allowed']),
  reasoning: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(MAX_REASONING, `Keep the reasoning under ${MAX_REASONING} characters`).optional()),
});
export type TPlatformDecision = z.infer<typeof ZPlatformDecision>;

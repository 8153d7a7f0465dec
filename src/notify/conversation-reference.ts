import { z } from 'zod';

/** Stored conversation references are validated on read: a bad row fails loudly, never as a half-sent message. */
export const ZConversationReference = z.looseObject({
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }),
  bot: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
  activityId: z.string().optional(),
});
export type TConversationReference = z.infer<typeof ZConversationReference>;

export function parseReference(json: string): TConversationReference {
  return ZConversationReference.parse(JSON.parse(json));
}

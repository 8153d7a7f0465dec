import { z } from 'zod';

/**
 * The least an activity must carry before the adapter sees it: botbuilder answers 500 to `{}` (TEAMS.md), and a
 * malformed body must be the sender's problem (400), never ours.
 */
export const ZIncomingActivity = z.looseObject({
  type: z.string().min(1, 'type is required'),
  serviceUrl: z.string().url('serviceUrl must be a URL'),
  channelId: z.string().min(1, 'channelId is required'),
  conversation: z.looseObject({ id: z.string().min(1, 'conversation.id is required') }),
  from: z.looseObject({ id: z.string().min(1, 'from.id is required'), name: z.string().optional(), aadObjectId: z.string().optional() }),
  recipient: z.looseObject({ id: z.string().min(1, 'recipient.id is required') }),
  id: z.string().optional(),
  name: z.string().optional(),
}).refine((a) => a.type !== 'invoke' || Boolean(a.name?.trim()), {
  // Without a name no handler can answer, and botbuilder says only "501 Not Implemented".
  message: 'an invoke activity needs a name (for a card button, "adaptiveCard/action")',
  path: ['name'],
});

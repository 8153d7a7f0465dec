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
});

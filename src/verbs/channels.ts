import { z } from 'zod';
import { CHANNEL_PURPOSES } from '../domain/channels';
import { blankToUndefined } from './parse';

export const ZBindChannel = z.object({
  verb: z.literal('channels.bind'),
  purpose: z.preprocess(blankToUndefined, z.enum(CHANNEL_PURPOSES, { error: 'Choose what this channel is for' })),
  // Post approval only (POST-6): the department whose posts this channel approves; empty means every other one.
  departmentId: z.preprocess(blankToUndefined, z.string().max(64, 'Choose a department from the list').optional()),
});
export type TBindChannel = z.infer<typeof ZBindChannel>;

import { z } from 'zod';
import { CHANNEL_PURPOSES } from '../domain/channels';
import { blankToUndefined } from './parse';

export const ZBindChannel = z.object({
  verb: z.literal('channels.bind'),
  purpose: z.preprocess(blankToUndefined, z.enum(CHANNEL_PURPOSES, { error: 'Choose what this channel is for' })),
});
export type TBindChannel = z.infer<typeof ZBindChannel>;

import { z } from 'zod';

/** "Send again" on one dead letter: the card names the row; the server decides whether it may be sent. */
export const ZResendDeadLetter = z.object({ verb: z.literal('delivery.resend'), outboxId: z.string().uuid('This card does not name a message.') });
export type TResendDeadLetter = z.infer<typeof ZResendDeadLetter>;

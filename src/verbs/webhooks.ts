import { z } from 'zod';
import { WEBHOOK_URL_CHARS } from '../domain/webhooks';

/** "Add subscriber": the address and the events (a multi-select sends "a,b"); the server checks both. */
export const ZWebhookAdd = z.object({
  verb: z.literal('webhook.add'),
  url: z.string({ error: 'Enter the address that will receive the events' }).trim().min(1, 'Enter the address that will receive the events').max(WEBHOOK_URL_CHARS, `Keep the address under ${WEBHOOK_URL_CHARS} characters`),
  events: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().max(40)).max(10).default([])),
});

export const ZWebhookDisable = z.object({ verb: z.literal('webhook.disable'), subscriberId: z.string().uuid('This card does not name a subscriber.') });

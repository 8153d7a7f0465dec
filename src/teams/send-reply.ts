import { TurnContext, type Activity } from 'botbuilder';
import type { Services } from './turn';
import { enqueueReply } from '../notify/outbox';
import { postReply } from './post-reply';
import { toDeliveryError, withoutConnectorRetries, withTimeout } from '../notify/teams-sender';

/**
 * Teams gives a bot 15 s to answer a message. Ours answers within this budget whatever Teams does with the reply;
 * the rest is headroom for the turn's own work.
 */
export const REPLY_BUDGET_MS = 8000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a turn's reply without the connector's own retries (which wait out any Retry-After, past Teams' 15 s, and
 * then fail the turn with 500). A short throttle is waited out here; a longer one, or a server error, queues the
 * reply in the outbox, which delivers it once Teams accepts. A reply that timed out may then arrive twice: a
 * duplicate beats a person left with nothing.
 */
export async function sendReply(ctx: TurnContext, activity: Partial<Activity>, services: Pick<Services, 'db' | 'log' | 'kickOutbox'>, budgetMs = REPLY_BUDGET_MS): Promise<void> {
  const deadline = Date.now() + budgetMs;
  const connector = withoutConnectorRetries(ctx);
  for (;;) {
    let failure;
    try {
      await withTimeout(postReply(ctx, connector, activity), Math.max(1, deadline - Date.now()));
      return;
    } catch (err) {
      failure = toDeliveryError(err).failure;
    }
    const status = failure.kind === 'http' ? failure.status : undefined;
    if (failure.kind === 'no-target' || (status !== undefined && status !== 408 && status !== 429 && status < 500)) {
      // Blocked (403) or refused outright: no later attempt would succeed.
      services.log.error({ failure, activityId: ctx.activity.id }, 'Teams refused the reply');
      return;
    }
    const waitMs = failure.kind === 'http' && failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : 1000;
    if (Date.now() + waitMs < deadline - 1000) {
      await sleep(waitMs);
      continue;
    }
    const queued = await enqueueReply(services.db, TurnContext.getConversationReference(ctx.activity), activity);
    services.log.warn({ outboxId: queued.id, failure, activityId: ctx.activity.id }, 'reply queued through the outbox: Teams did not take it in time');
    services.kickOutbox();
    return;
  }
}

import type { CloudAdapter, ConversationReference, TurnContext, Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { OutboxMessage } from '@prisma/client';
import { DeliveryError, type Sender } from './outbox-worker';
import { parseReference } from './conversation-reference';
import { parseRetryAfter } from '../domain/delivery-outcome';

/**
 * Sends outbox rows through the Bot Framework connector. The connector's own retry policy is removed for these calls:
 * the outbox owns retries (recorded in the row, honouring Retry-After) so a throttled send never blocks the worker
 * lane for long and never retries twice over (TEAMS.md "Observed with botbuilder").
 */
export class TeamsSender implements Sender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly timeoutMs: number,
  ) {}

  async deliver(row: OutboxMessage, original?: OutboxMessage) {
    const stored = parseReference(row.reference) as unknown as Partial<ConversationReference>;
    const activity = JSON.parse(row.activity) as Partial<Activity> & { channelId?: string };
    if (row.kind === 'update' && !original?.deliveredActivityId) {
      throw new DeliveryError({ kind: 'no-target', message: 'the original message has no activity id' });
    }
    // An update goes to the conversation the original landed in (for a channel post, its new thread).
    const conversationId = (row.kind === 'update' && original?.deliveredConversationId) || stored.conversation!.id;
    const reference = { ...stored, conversation: { ...stored.conversation!, id: conversationId } };
    let result: { activityId: string; conversationId?: string } | undefined;
    // The adapter hands errors thrown here to its onTurnError instead of rejecting, so keep ours to rethrow.
    let failure: unknown;
    const work = this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
      try {
        result = await this.send(ctx, row, activity, conversationId, original);
      } catch (err) {
        failure = err;
      }
    });
    await withTimeout(work, this.timeoutMs).catch((err) => {
      throw toDeliveryError(err);
    });
    if (failure) throw toDeliveryError(failure);
    if (!result) throw new DeliveryError({ kind: 'network', message: 'no result from Teams' });
    return result;
  }

  private async send(ctx: TurnContext, row: OutboxMessage, activity: Partial<Activity> & { channelId?: string }, conversationId: string, original?: OutboxMessage) {
    const connector = withoutConnectorRetries(ctx);
    if (row.kind === 'channelPost') {
      // A new thread in the channel. TeamsInfo.sendMessageToTeamsChannel would do this, but without a bot app id
      // (local mode) it takes a legacy path CloudAdapter lacks; the turn's connector client works in both modes.
      const { channelId, ...message } = activity;
      const created = await connector.conversations.createConversation({ isGroup: true, channelData: { channel: { id: channelId ?? conversationId } }, activity: message as Activity } as never);
      const threadId = created.id;
      const messageId = created.activityId ?? /;messageid=(\d+)/.exec(threadId)?.[1] ?? threadId;
      return { activityId: messageId, conversationId: threadId };
    }
    if (row.kind === 'update') {
      await ctx.updateActivity({ ...activity, id: original!.deliveredActivityId!, type: 'message' });
      return { activityId: original!.deliveredActivityId!, conversationId };
    }
    const sent = await ctx.sendActivity(activity);
    if (!sent?.id) throw new DeliveryError({ kind: 'network', message: 'Teams accepted the message but returned no id' });
    return { activityId: sent.id };
  }
}

/** Connector clients whose retry policy is already removed. */
const stripped = new WeakSet<ConnectorClient>();

export function withoutConnectorRetries(ctx: TurnContext): ConnectorClient {
  const connector = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as ConnectorClient;
  // Once per client: a turn's client is shared by later turns (src/teams/adapter.ts), and every removal makes the
  // pipeline sort its policies again on its next request.
  if (stripped.has(connector)) return connector;
  // `client` is the @azure/core-client ServiceClient inside botbuilder's compat layer (private in its types).
  (connector as unknown as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } }).client?.pipeline?.removePolicy({ phase: 'Retry' });
  stripped.add(connector);
  return connector;
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new DeliveryError({ kind: 'network', message: `no answer from Teams within ${ms} ms` })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}

/** Reads status, Retry-After and Teams' error code from whatever the connector threw. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as { statusCode?: number; response?: { status?: number; headers?: { get?(n: string): string | undefined; [k: string]: unknown }; bodyAsText?: string; parsedBody?: unknown }; code?: string; message?: string };
  const status = e?.statusCode ?? e?.response?.status;
  if (typeof status !== 'number') return new DeliveryError({ kind: 'network', message: e?.message ?? String(err) });
  const headers = e.response?.headers;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers?.['retry-after'] as string | undefined);
  let code = e.code;
  try {
    const body = (e.response?.parsedBody ?? (e.response?.bodyAsText ? JSON.parse(e.response.bodyAsText) : undefined)) as { error?: { code?: string } } | undefined;
    code = body?.error?.code ?? code;
  } catch {
    // Not JSON: the status alone decides.
  }
  return new DeliveryError({ kind: 'http', status, retryAfterSeconds: parseRetryAfter(retryAfter, new Date()), code, message: e.message?.slice(0, 200) });
}

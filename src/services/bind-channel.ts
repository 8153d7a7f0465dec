import type { Actor } from '../domain/roles';
import { isAdmin } from '../domain/roles';
import type { ChannelPurpose } from '../domain/channels';
import { AppError } from '../errors/app-error';
import { appendAudit } from '../records/audit';
import { TX_OPTIONS } from '../store/prisma';
import type { Services } from './context';
import type { TConversationReference } from '../notify/conversation-reference';
import { repostPendingReviews } from './presence/repost-pending-reviews';

export interface ChannelTarget {
  teamId: string;
  channelId: string;
  channelName?: string;
  reference: TConversationReference;
}

/** Binds the channel the admin is in to a purpose; the previous binding is kept in the audit event. */
export async function bindChannel({ db, config, present, now }: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, purpose: ChannelPurpose, target: ChannelTarget): Promise<{ reposted: number }> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can bind channels. Ask an admin to type "bind channel" here.');
  // New threads go to the channel itself, not to the thread the command was typed in.
  const reference = JSON.stringify({ ...target.reference, conversation: { ...target.reference.conversation, id: target.channelId }, activityId: undefined });
  return db.$transaction(async (tx) => {
    const previous = await tx.channelBinding.findUnique({ where: { purpose } });
    const data = { teamId: target.teamId, channelId: target.channelId, channelName: target.channelName ?? null, reference, boundById: actor.personId, boundAt: now() };
    await tx.channelBinding.upsert({ where: { purpose }, create: { purpose, ...data }, update: data });
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'channel.bound',
      entityType: 'channel_binding',
      entityId: purpose,
      data: { purpose, channelId: target.channelId, channelName: target.channelName ?? null, teamId: target.teamId, previous: previous ? { channelId: previous.channelId, channelName: previous.channelName } : null },
    });
    return { reposted: await repostPendingReviews(tx, present, purpose, config.timeZone) };
  }, TX_OPTIONS);
}

import type { Actor } from '../domain/roles';
import { isAdmin } from '../domain/roles';
import { bindingKey, bindingLabel, DEPARTMENT_KEYED, type ChannelPurpose } from '../domain/channels';
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

/**
 * Binds the channel the admin is in to a purpose; the previous binding is kept in the audit event. A keyed purpose
 * (Post approval) is bound per department: `departmentId` names it, and none binds the channel for every department
 * that has no channel of its own.
 */
export async function bindChannel(
  { db, config, present, now }: Pick<Services, 'db' | 'config' | 'present' | 'now'>,
  actor: Actor,
  purpose: ChannelPurpose,
  target: ChannelTarget,
  departmentId?: string,
): Promise<{ reposted: number; label: string }> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can bind channels. Ask an admin to type "bind channel" here.');
  const department = departmentId && DEPARTMENT_KEYED.has(purpose) ? await db.department.findUnique({ where: { id: departmentId } }) : null;
  if (departmentId && DEPARTMENT_KEYED.has(purpose) && !department) throw new AppError('INVALID_INPUT', 'That department is not in the list. Choose one from the list; nothing was changed.');
  const key = bindingKey(purpose, department?.id);
  // New threads go to the channel itself, not to the thread the command was typed in.
  const reference = JSON.stringify({ ...target.reference, conversation: { ...target.reference.conversation, id: target.channelId }, activityId: undefined });
  return db.$transaction(async (tx) => {
    const previous = await tx.channelBinding.findUnique({ where: { purpose: key } });
    const data = { teamId: target.teamId, channelId: target.channelId, channelName: target.channelName ?? null, reference, boundById: actor.personId, boundAt: now(), departmentId: department?.id ?? null };
    await tx.channelBinding.upsert({ where: { purpose: key }, create: { purpose: key, ...data }, update: data });
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'channel.bound',
      entityType: 'channel_binding',
      entityId: key,
      data: { purpose, departmentId: department?.id ?? null, channelId: target.channelId, channelName: target.channelName ?? null, teamId: target.teamId, previous: previous ? { channelId: previous.channelId, channelName: previous.channelName } : null },
    });
    return { reposted: await repostPendingReviews(tx, present, purpose, config.timeZone), label: bindingLabel(key, () => department?.name) };
  }, TX_OPTIONS);
}

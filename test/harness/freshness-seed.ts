import type { Db } from '../../src/store/prisma';

const DAY = 86_400_000;

/** A live presence owned by `ownerId` that went live `daysAgo` days before `now` (its request approved, as the registry keeps it). */
export async function seedLivePresence(db: Db, ownerId: string, handle: string, now: Date, daysAgo: number): Promise<string> {
  const department = await db.department.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const request = await db.presenceRequest.create({ data: { requesterId: ownerId, status: 'approved' } });
  const p = await db.presence.create({
    data: { requestId: request.id, departmentId: department.id, platform: 'facebook', handle, state: 'active', record: '{}', ownerId, accountUrl: `https://facebook.com/${handle}`, noticeConfirmedAt: new Date(now.getTime() - daysAgo * DAY) },
  });
  return p.id;
}

/** Gives a person a personal chat with the bot, so the outbox can reach them. */
export async function givePersonalChat(db: Db, personId: string): Promise<void> {
  const reference = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/', conversation: { id: `a:${personId}` }, bot: { id: '28:bot' }, user: { id: `29:${personId}` }, channelId: 'msteams' });
  await db.conversationRef.create({ data: { conversationId: `a:${personId}`, kind: 'personal', personId, reference } });
}

export const days = (n: number) => n * DAY;

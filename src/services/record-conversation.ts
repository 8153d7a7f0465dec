import type { Db } from '../store/prisma';
import type { Where } from './context';

/** Keeps where the bot can reach this person or channel later (TEAMS.md "Proactive"). */
export async function recordConversation(db: Db, reference: string, where: Where, personId: string): Promise<void> {
  const data = {
    kind: where.kind,
    personId: where.kind === 'personal' ? personId : null,
    teamId: where.teamId ?? null,
    channelId: where.channelId ?? null,
    reference,
  };
  await db.conversationRef.upsert({ where: { conversationId: where.conversationId }, create: { conversationId: where.conversationId, ...data }, update: data });
}

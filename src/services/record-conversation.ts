import { LRUCache } from 'lru-cache';
import type { Db } from '../store/prisma';
import type { Where } from './context';

/**
 * What this process last wrote per conversation, per database (tests run several bots in one process). A reference
 * rarely changes between turns, and writing it anyway cost a committed write on every turn. A row another process
 * wrote since is just as current, so skipping an identical write is safe; the cache is bounded, so a returning
 * conversation costs at most one write.
 */
const lastWritten = new WeakMap<Db, LRUCache<string, string>>();

/**
 * Keeps where the bot can reach this person or channel later (TEAMS.md "Proactive"): the turn's conversation
 * reference, less the turn's own activity id, which is no use later (proactive messages start fresh) and would make
 * every turn a change.
 */
export async function recordConversation(db: Db, turnReference: { activityId?: string }, where: Where, personId: string): Promise<void> {
  const { activityId: _turnActivity, ...reference } = turnReference;
  const data = {
    kind: where.kind,
    personId: where.kind === 'personal' ? personId : null,
    teamId: where.teamId ?? null,
    channelId: where.channelId ?? null,
    reference: JSON.stringify(reference),
  };
  let cache = lastWritten.get(db);
  if (!cache) lastWritten.set(db, (cache = new LRUCache({ max: 10_000 })));
  const written = JSON.stringify(data);
  if (cache.get(where.conversationId) === written) return;
  await db.conversationRef.upsert({ where: { conversationId: where.conversationId }, create: { conversationId: where.conversationId, ...data }, update: data });
  cache.set(where.conversationId, written);
}

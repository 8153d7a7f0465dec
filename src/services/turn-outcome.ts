import type { Db } from '../store/prisma';

const SAVED_WORDS = new Map<string, string>([
  ['request.started', 'new request'],
  ['request.draft_saved', 'draft'],
  ['request.submitted', 'submission'],
  ['request.withdrawn', 'withdrawal'],
  ['request.cancelled', 'cancellation'],
  ['review.decided', 'decision'],
  ['presence.registered', 'decision'],
  ['presence.went_live', 'setup'],
  ['presence.edited', 'changes'],
  ['presence.state_changed', 'change of state'],
  ['presence.credential_revealed', 'reveal (it is recorded)'],
  ['policy.draft_started', 'new policy draft'],
  ['policy.draft_saved', 'policy draft'],
  ['policy.filed', 'filing'],
  ['policy.decided', 'decision'],
  ['access_block.requested', 'request to IT'],
  ['access_block.decided', 'decision'],
  ['role.granted', 'role grant'],
  ['role.revoked', 'role removal'],
  ['channel.bound', 'channel binding'],
]);

/**
 * What a turn committed, in words ("your draft"), each once, read from the audit trail (every change writes its event
 * in its own transaction): so when a turn fails after a commit, the person is told what was saved instead of
 * "Nothing was changed" (issue 9 item 5). Read only when a turn fails, by the time it began, so a turn that succeeds
 * pays no query for it.
 */
export async function savedSince(db: Db, turnStartedAt: Date, personId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({ where: { at: { gte: turnStartedAt }, actorId: personId }, orderBy: { seq: 'asc' }, select: { action: true } });
  return [...new Set(events.map((e) => SAVED_WORDS.get(e.action) ?? 'change'))];
}

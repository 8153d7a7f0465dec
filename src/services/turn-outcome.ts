import type { Db } from '../store/prisma';

/**
 * What a turn committed, read from the audit trail (every change writes its event in its own transaction): so when
 * a turn fails after a commit, the person is told what was saved instead of "Nothing was changed" (issue 9 item 5).
 */
export async function auditMark(db: Db): Promise<number> {
  return (await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0;
}

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

/** The person's changes committed since the mark, in words ("your draft"), each once. */
export async function savedSince(db: Db, mark: number, personId: string): Promise<string[]> {
  const events = await db.auditEvent.findMany({ where: { seq: { gt: mark }, actorId: personId }, orderBy: { seq: 'asc' }, select: { action: true } });
  return [...new Set(events.map((e) => SAVED_WORDS.get(e.action) ?? 'change'))];
}

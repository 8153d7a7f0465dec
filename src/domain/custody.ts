import type { Actor } from './roles';
import { hasRole } from './roles';
import type { Place, PresenceFacts } from './presence';
import { refuse, type Result } from './result';

/**
 * REG-2, REG-1: the City keeps custody of every presence's login. Its owner or IT records a changed password, and
 * ownership passes by handover (from the owner, the head of its department or IT), after which the new owner is asked
 * to change the password so the previous holder no longer knows it. Pure: no Teams, no Prisma.
 */

const isIt = (actor: Pick<Actor, 'roles'>) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'it_director');
const PRIVATE_ONLY = 'Logins are only typed and shown in your personal chat with Social Steward, never in a channel or group chat.';
export const HANDOVER_REASON_MAX = 500;

/** REG-2: only the owner or IT records a new password, for a presence that has a login, in a personal chat. */
export function canRecordPassword(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>, where: Place, hasCredential: boolean): Result<{ as: 'owner' | 'it' }> {
  const owner = p.ownerId === actor.personId;
  if (!owner && !isIt(actor)) return refuse('NOT_AUTHORIZED', "Only the presence's owner and IT can record its password.");
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is retired; its record is kept as it was.');
  if (!hasCredential || p.state === 'approved_not_live') return refuse('STALE_CARD', 'This presence has no login on record yet: its owner records it when setting it up.');
  if (where.kind !== 'personal') return refuse('WRONG_PLACE', PRIVATE_ONLY);
  return { refused: false, as: owner ? 'owner' : 'it' };
}

export type HandOverAs = 'owner' | 'department_head' | 'it';

/**
 * REG-1: who may hand a presence over. `headOf` is the presence's department and, for a board or commission (a
 * subunit), the department it sits under: that department's head answers for it.
 */
export function handOverRole(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>, headOf: readonly string[]): HandOverAs | undefined {
  if (p.ownerId === actor.personId) return 'owner';
  if (headOf.some((d) => hasRole(actor, 'department_head', d))) return 'department_head';
  if (isIt(actor)) return 'it';
  return undefined;
}

/** REG-1: may this person open the handover form for this presence (any state but retired)? */
export function canStartHandOver(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>, headOf: readonly string[]): Result<{ as: HandOverAs }> {
  const as = handOverRole(p, actor, headOf);
  if (!as) return refuse('NOT_AUTHORIZED', "Only the presence's owner, the head of its department or IT can hand it over.");
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is retired; its record is kept as it was.');
  return { refused: false, as };
}

/** REG-1, REG-2: a handover names a new owner other than the current one and says why (the record shows it). */
export function canHandOverTo(
  p: PresenceFacts,
  actor: Pick<Actor, 'personId' | 'roles'>,
  headOf: readonly string[],
  input: { newOwnerId?: string; reason?: string },
): Result<{ as: HandOverAs; newOwnerId: string; reason: string }> {
  const start = canStartHandOver(p, actor, headOf);
  if (start.refused) return start;
  if (!input.newOwnerId) return refuse('INVALID_INPUT', 'Choose who takes it over.');
  if (input.newOwnerId === p.ownerId) return refuse('INVALID_INPUT', 'They already own it: choose someone else.');
  const reason = input.reason?.trim() ?? '';
  if (!reason) return refuse('INVALID_INPUT', 'Say why it is handed over, so the new owner and the record know.');
  if (reason.length > HANDOVER_REASON_MAX) return refuse('INVALID_INPUT', `Keep the reason under ${HANDOVER_REASON_MAX} characters.`);
  return { refused: false, as: start.as, newOwnerId: input.newOwnerId, reason };
}

/** REG-2: the previous owner may still know the password until it is changed after the handover. */
export function passwordNotChangedSinceHandover(p: { handedOverAt: Date | null; credentialChangedAt: Date | null; hasCredential: boolean }): boolean {
  if (!p.hasCredential || !p.handedOverAt) return false;
  return !p.credentialChangedAt || p.credentialChangedAt.getTime() < p.handedOverAt.getTime();
}

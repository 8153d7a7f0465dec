import type { Actor } from './roles';
import { hasRole } from './roles';
import { refuse, type Result } from './result';
import { canRecordPassword, canStartHandOver } from './custody';

/** The life of an official presence in the registry (REG-1): approved, then live, perhaps suspended, in the end retired. */
export const PRESENCE_STATES = ['approved_not_live', 'active', 'suspended', 'retired'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export const PRESENCE_STATE_LABELS: Record<PresenceState, string> = {
  approved_not_live: 'Approved, not yet live',
  active: 'Active',
  suspended: 'Suspended',
  retired: 'Retired',
};

/** What IT can move a presence to; the card offers these as Suspend, Reactivate and Retire. */
export const STATE_TARGETS = ['suspended', 'active', 'retired'] as const;
export type StateTarget = (typeof STATE_TARGETS)[number];
export const VERB_PAST: Record<StateTarget, string> = { suspended: 'suspended', active: 'reactivated', retired: 'retired' };


/** The facts of a presence the rules need; no Prisma row, so the rules stay pure. */
export interface PresenceFacts {
  ownerId: string;
  departmentId: string;
  state: PresenceState;
}

/** Where the person is acting; only a personal chat is private enough for a login. */
export interface Place {
  kind: 'personal' | 'channel' | 'groupChat';
}

const isOwner = (p: PresenceFacts, actor: Pick<Actor, 'personId'>) => p.ownerId === actor.personId;
const isIt = (actor: Pick<Actor, 'roles'>) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'it_director');
const PRIVATE_ONLY = 'Logins are only typed and shown in your personal chat with Social Steward, never in a channel or group chat.';

/**
 * REG-2/REG-5: the owner makes an approved presence active by recording its login and confirming the notice. The
 * form takes a password, so it is refused outside a personal chat too.
 */
export function canGoLive(p: PresenceFacts, actor: Pick<Actor, 'personId'>, where: Place): Result<{ next: 'active' }> {
  if (!isOwner(p, actor)) return refuse('NOT_AUTHORIZED', 'Only the person who requested this presence can set it up.');
  if (p.state !== 'approved_not_live') return refuse('STALE_CARD', `This presence is already set up: it is ${PRESENCE_STATE_LABELS[p.state].toLowerCase()}.`);
  if (where.kind !== 'personal') return refuse('WRONG_PLACE', PRIVATE_ONLY);
  return { refused: false, next: 'active' };
}

/** The owner or the head of the presence's department keeps its details current; a retired record stays as it was. */
export function canEditDetails(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>): Result<object> {
  if (!isOwner(p, actor) && !hasRole(actor, 'department_head', p.departmentId)) {
    return refuse('NOT_AUTHORIZED', "Only the presence's owner or the head of its department can edit its details.");
  }
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is retired; its record is kept as it was.');
  return { refused: false };
}

/** REG-2: revealing a login is limited to the owner and IT, and only in a personal chat. */
export function canRevealCredential(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>, where: Place): Result<object> {
  if (!isOwner(p, actor) && !isIt(actor)) return refuse('NOT_AUTHORIZED', "Only the presence's owner and IT can see its login.");
  if (where.kind !== 'personal') return refuse('WRONG_PLACE', PRIVATE_ONLY);
  return { refused: false };
}

/**
 * IT 1, FRESH-2: the APM gives editing or removing a presence to the IT Director alone ("Role of IT" 1), so only
 * that role suspends, reactivates or retires one, always saying why. IT reviewers review requests and see logins.
 */
export function canSetState(p: PresenceFacts, actor: Pick<Actor, 'roles'>, to: StateTarget, reason: string | undefined): Result<{ next: StateTarget }> {
  if (!hasRole(actor, 'it_director')) return refuse('NOT_AUTHORIZED', 'Only the IT Director can suspend, reactivate or retire a presence (APM, Role of IT 1).');
  const allowed = (to === 'suspended' && p.state === 'active') || (to === 'active' && p.state === 'suspended') || (to === 'retired' && p.state !== 'retired');
  if (!allowed) return refuse('STALE_CARD', `This presence is ${PRESENCE_STATE_LABELS[p.state].toLowerCase()}, so it cannot be ${VERB_PAST[to]} now.`);
  if (!reason?.trim()) return refuse('INVALID_INPUT', 'Say why, so the owner knows what happened and the record shows it.');
  return { refused: false, next: to };
}

export type PresenceAction = 'setup' | 'edit' | 'change' | 'reveal' | 'password' | 'handover' | StateTarget;

/**
 * The buttons a person gets on the presence card: exactly what the rules would let them do there. `headOf`: the
 * departments whose head answers for it (its own, and the parent of a board or commission; see custody.ts).
 */
export function allowedActions(p: PresenceFacts, actor: Pick<Actor, 'personId' | 'roles'>, where: Place, hasCredential: boolean, headOf: readonly string[] = [p.departmentId]): PresenceAction[] {
  const out: PresenceAction[] = [];
  if (!canGoLive(p, actor, where).refused) out.push('setup');
  if (!canEditDetails(p, actor).refused) out.push('edit', 'change');
  if (hasCredential && !canRevealCredential(p, actor, where).refused) out.push('reveal');
  if (!canRecordPassword(p, actor, where, hasCredential).refused) out.push('password');
  if (!canStartHandOver(p, actor, headOf).refused) out.push('handover');
  for (const to of STATE_TARGETS) if (!canSetState(p, actor, to, 'any').refused) out.push(to);
  return out;
}

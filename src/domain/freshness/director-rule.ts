import type { Actor } from '../roles';
import { hasRole } from '../roles';
import { PRESENCE_STATE_LABELS, type PresenceState } from '../presence';
import { refuse, type Result } from '../result';

/** FRESH-2 ("Role of IT" 1): what the IT Director may do with a presence put to them. */
export const DIRECTOR_ACTIONS = ['more_time', 'reassign', 'suspend', 'remove'] as const;
export type DirectorAction = (typeof DIRECTOR_ACTIONS)[number];
export const DIRECTOR_ACTION_LABELS: Record<DirectorAction, string> = { more_time: 'Give more time', reassign: 'Reassign the owner', suspend: 'Suspend', remove: 'Remove' };

/** The grounds the APM gives the IT Director for editing or removing a presence. */
export const APM_GROUNDS = ['violates_policy_or_law', 'not_timely', 'appears_abandoned'] as const;
export type ApmGround = (typeof APM_GROUNDS)[number];
export const APM_GROUND_LABELS: Record<ApmGround, string> = {
  violates_policy_or_law: 'It violates City policy or the law',
  not_timely: 'It is not kept timely',
  appears_abandoned: 'It reasonably appears abandoned',
};

export interface EscalationFacts {
  status: string;
  presenceState: PresenceState;
  ownerId: string;
}

export interface DirectorInput {
  action: DirectorAction;
  ground?: string;
  note?: string;
  newOwnerId?: string;
  /** Why the person the card named could not be found (a typed name that matched no one, or several). */
  newOwnerNotFound?: string;
}

const isGround = (g: string | undefined): g is ApmGround => (APM_GROUNDS as readonly string[]).includes(g ?? '');

/** Only the IT Director, only while the escalation is open, and always with the APM's ground and a note. */
export function directorRule(e: EscalationFacts, actor: Pick<Actor, 'roles'>, input: DirectorInput): Result<{ action: DirectorAction; ground: ApmGround; note: string }> {
  if (!hasRole(actor, 'it_director')) return refuse('NOT_AUTHORIZED', 'Only the IT Director can act on a presence that appears abandoned (APM, Role of IT 1).');
  if (e.status !== 'open') return refuse('STALE_CARD', 'This was already decided.');
  const state = PRESENCE_STATE_LABELS[e.presenceState].toLowerCase();
  if (e.presenceState === 'retired') return refuse('STALE_CARD', 'This presence was retired meanwhile.');
  if (input.action === 'suspend' && e.presenceState !== 'active') return refuse('STALE_CARD', `This presence is ${state}, so it cannot be suspended now.`);
  if (!isGround(input.ground)) return refuse('INVALID_INPUT', 'Choose the ground the APM gives for this action.');
  const note = input.note?.trim();
  if (!note) return refuse('INVALID_INPUT', 'Write a note for the record: what you found and why you take this action.');
  if (input.action === 'reassign') {
    if (!input.newOwnerId) return refuse('INVALID_INPUT', input.newOwnerNotFound ?? 'Choose the new owner.');
    if (input.newOwnerId === e.ownerId) return refuse('INVALID_INPUT', 'Choose someone other than the current owner.');
  }
  return { refused: false, action: input.action, ground: input.ground, note };
}

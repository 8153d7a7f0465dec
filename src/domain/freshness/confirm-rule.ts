import type { Actor } from '../roles';
import { PRESENCE_STATE_LABELS, type PresenceFacts } from '../presence';
import { refuse, type Result } from '../result';

/**
 * FRESH-1: only the owner answers a nudge with "still active" (it is their word that the account is kept current),
 * and only for a live presence: a suspended or retired one is not kept fresh by saying so.
 */
export function canConfirmActive(p: PresenceFacts, actor: Pick<Actor, 'personId'>): Result<object> {
  if (p.ownerId !== actor.personId) return refuse('NOT_AUTHORIZED', "Only the presence's owner can confirm it is still active.");
  if (p.state !== 'active') return refuse('STALE_CARD', `This presence is ${PRESENCE_STATE_LABELS[p.state].toLowerCase()}, so there is nothing to confirm.`);
  return { refused: false };
}

import type { Actor } from '../roles';
import type { PresenceFacts } from '../presence';
import { refuse, type Result } from '../result';

const OWNER_ONLY = "Only the presence's owner can do this from their weekly reminder.";

/** FRESH-1: an owner who no longer looks after a presence hands it to someone else (any state but retired). */
export function canHandOver(p: PresenceFacts, actor: Pick<Actor, 'personId'>, newOwnerId: string | undefined): Result<object> {
  if (p.ownerId !== actor.personId) return refuse('NOT_AUTHORIZED', OWNER_ONLY);
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is retired; its record is kept as it was.');
  if (!newOwnerId) return refuse('INVALID_INPUT', 'Choose who takes it over.');
  if (newOwnerId === p.ownerId) return refuse('INVALID_INPUT', 'Choose someone other than yourself.');
  return { refused: false };
}

/** FRESH-1: an owner retires a presence they no longer need, saying why (the record shows it). */
export function canOwnerRetire(p: PresenceFacts, actor: Pick<Actor, 'personId'>, reason: string | undefined): Result<object> {
  if (p.ownerId !== actor.personId) return refuse('NOT_AUTHORIZED', OWNER_ONLY);
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is already retired.');
  if (!reason?.trim()) return refuse('INVALID_INPUT', 'Say why it is retired, so the record shows it.');
  return { refused: false };
}

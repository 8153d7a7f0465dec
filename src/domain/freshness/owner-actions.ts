import type { Actor } from '../roles';
import type { PresenceFacts } from '../presence';
import { refuse, type Result } from '../result';

const OWNER_ONLY = "Only the presence's owner can do this from their weekly reminder.";

// Handing a presence over is custody (REG-1) and open to more than the owner: see ../custody.ts.

/** FRESH-1: an owner retires a presence they no longer need, saying why (the record shows it). */
export function canOwnerRetire(p: PresenceFacts, actor: Pick<Actor, 'personId'>, reason: string | undefined): Result<object> {
  if (p.ownerId !== actor.personId) return refuse('NOT_AUTHORIZED', OWNER_ONLY);
  if (p.state === 'retired') return refuse('STALE_CARD', 'This presence is already retired.');
  if (!reason?.trim()) return refuse('INVALID_INPUT', 'Say why it is retired, so the record shows it.');
  return { refused: false };
}

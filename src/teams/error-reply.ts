import { randomUUID } from 'node:crypto';
import type { AppErrorCode } from '../errors/app-error';
import { isAppError } from '../errors/app-error';
import { apologyCard, refusalCard } from '../../cards/errors/error-cards';
import type { Logger } from '../log/logger';
import { heldForPoliceCase, heldMessage } from '../errors/held-for-police';

const HEADINGS: Record<AppErrorCode, string> = {
  NOT_AUTHORIZED: "You can't do that here",
  INVALID_INPUT: 'Please check your answers',
  NOT_FOUND: 'We could not find that',
  STALE_CARD: 'This card is out of date',
  WRONG_PLACE: 'Not in this chat',
  CONFLICT: 'Already done',
};

/**
 * The one place errors become cards: coded errors say what happened; anything else gets an id to quote, and says
 * what the turn had already saved (`saved`), if anything. The log keeps the detail, the card only the words.
 */
export function errorCard(err: unknown, log: Logger, saved: string[] = []) {
  if (isAppError(err)) {
    log.info({ code: err.code, msg: err.message }, 'turn refused');
    return refusalCard(HEADINGS[err.code], err.message);
  }
  const held = heldForPoliceCase(err);
  if (held) {
    log.info({ caseNumber: held }, 'turn refused: record held for police');
    return refusalCard('Held for a police investigation', heldMessage(held));
  }
  const correlationId = randomUUID().slice(0, 8);
  log.error({ err, correlationId, saved }, 'turn failed');
  return apologyCard(correlationId, saved);
}

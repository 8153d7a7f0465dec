import pino, { type Logger } from 'pino';

/**
 * Never log secrets: tokens, passwords and the credential fields of cards are censored wherever they appear in the
 * objects we log (REG-2).
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.password',
  '*.login',
  '*.token',
  '*.secret',
  '*.credentialKey',
  '*.credential',
  'config.bot.password',
  'config.credentialKey',
  'activity.value.action.data.login',
  'activity.value.action.data.password',
];

/**
 * Standard output by default, written asynchronously: lines logged while a write is under way go out together in the
 * next one, instead of a blocking write per line on every turn. pino flushes what is left when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'social-steward' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination ?? pino.destination({ dest: 1, sync: false }));
}

export type { Logger };

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'social-steward' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

export type { Logger };

import type { Refusal } from '../domain/result';

/** The coded errors a person can meet; each maps to one friendly card in src/teams/error-reply.ts. */
export type AppErrorCode =
  | 'NOT_AUTHORIZED'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'STALE_CARD'
  | 'WRONG_PLACE'
  | 'CONFLICT';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A domain refusal becomes the coded error the turn's error handler turns into a card. */
export function refusedWith(r: Refusal): never {
  throw new AppError(r.code, r.message);
}

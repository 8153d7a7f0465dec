import { isAppError } from '../../errors/app-error';

/**
 * A late, repeated or copied click (the record moved on since the card was shown) gets the record as it stands now,
 * with a line saying why nothing happened, never a refusal card. Other refusals and faults pass through.
 */
export async function orAsItStands<T>(work: () => Promise<T>, asItStands: (why: string) => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isAppError(err) && err.code === 'STALE_CARD') return asItStands(err.message);
    throw err;
  }
}

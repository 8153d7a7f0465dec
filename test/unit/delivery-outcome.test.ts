import { decideAfterFailure, parseRetryAfter, type RetryPolicy } from '../../src/domain/delivery-outcome';

const policy: RetryPolicy = { maxAttempts: 5, backoffMs: (n) => 1000 * 2 ** (n - 1), random: () => 1, maxDelayMs: 60_000 };

describe('outbox retry decisions (TEAMS.md rate limits)', () => {
  it('waits at least Retry-After on 429', () => {
    expect(decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 7 }, 1, policy)).toEqual({ action: 'retry', delayMs: 7000, reason: 'HTTP 429' });
  });

  it('backs off exponentially on 5xx, with jitter within [half, full] of the step', () => {
    expect(decideAfterFailure({ kind: 'http', status: 503 }, 3, policy)).toMatchObject({ action: 'retry', delayMs: 4000 });
    expect(decideAfterFailure({ kind: 'http', status: 503 }, 3, { ...policy, random: () => 0 })).toMatchObject({ action: 'retry', delayMs: 2000 });
  });

  it('caps the delay, unless Teams asks for longer', () => {
    expect(decideAfterFailure({ kind: 'http', status: 500 }, 4, { ...policy, maxDelayMs: 3000 })).toMatchObject({ delayMs: 3000 });
    expect(decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 120 }, 1, policy)).toMatchObject({ delayMs: 120_000 });
  });

  it('dead-letters 403 at once: the bot was blocked or removed', () => {
    const d = decideAfterFailure({ kind: 'http', status: 403, code: 'ConversationBlockedByUser' }, 1, policy);
    expect(d).toEqual({ action: 'dead', reason: expect.stringContaining('ConversationBlockedByUser') });
  });

  it('dead-letters other client errors and gives up after the last attempt', () => {
    expect(decideAfterFailure({ kind: 'http', status: 404 }, 1, policy).action).toBe('dead');
    expect(decideAfterFailure({ kind: 'http', status: 502 }, 5, policy)).toEqual({ action: 'dead', reason: 'gave up after 5 attempts: HTTP 502' });
  });

  it('retries network errors and dead-letters messages with nowhere to go', () => {
    expect(decideAfterFailure({ kind: 'network', message: 'ECONNRESET' }, 1, policy).action).toBe('retry');
    expect(decideAfterFailure({ kind: 'no-target', message: 'no chat' }, 1, policy).action).toBe('dead');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

import { decideAfterFailure, parseRetryAfter, type FailureHistory, type RetryPolicy } from '../../src/domain/delivery-outcome';

const HOUR = 3_600_000;
const policy: RetryPolicy = { maxAttempts: 5, minRetrySpanMs: HOUR, giveUpAfterMs: 24 * HOUR, backoffMs: (n) => 1000 * 2 ** (n - 1), random: () => 1, maxDelayMs: 60_000 };
const failed = (failures: number, failingForMs = 0, throttles = 0): FailureHistory => ({ failures, throttles, failingForMs });

describe('outbox retry decisions (TEAMS.md rate limits)', () => {
  it('waits at least Retry-After on 429', () => {
    expect(decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 7 }, failed(0, 0, 1), policy)).toEqual({ action: 'retry', delayMs: 7000, reason: 'HTTP 429', throttled: true });
  });

  it('keeps retrying a throttled message past the attempt budget, for as long as Teams asks, up to the ceiling', () => {
    const storm = decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 1 }, failed(0, 2 * HOUR, 500), policy);
    expect(storm).toMatchObject({ action: 'retry', delayMs: 1000, throttled: true });
    const longAsk = decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 600 }, failed(4, 0, 1), policy);
    expect(longAsk).toMatchObject({ action: 'retry', delayMs: 600_000 });
    const ceiling = decideAfterFailure({ kind: 'http', status: 429, retryAfterSeconds: 1 }, failed(0, 24 * HOUR, 9000), policy);
    expect(ceiling).toEqual({ action: 'dead', reason: 'gave up after 24 h of failed attempts (9000 throttled): HTTP 429' });
  });

  it('backs off on a 429 without Retry-After, by the number of throttles', () => {
    expect(decideAfterFailure({ kind: 'http', status: 429 }, failed(0, 0, 3), policy)).toMatchObject({ action: 'retry', delayMs: 4000 });
  });

  it('backs off exponentially on 5xx, with jitter within [half, full] of the step', () => {
    expect(decideAfterFailure({ kind: 'http', status: 503 }, failed(3), policy)).toMatchObject({ action: 'retry', delayMs: 4000, throttled: false });
    expect(decideAfterFailure({ kind: 'http', status: 503 }, failed(3), { ...policy, random: () => 0 })).toMatchObject({ action: 'retry', delayMs: 2000 });
  });

  it('caps the delay, unless Teams asks for longer', () => {
    expect(decideAfterFailure({ kind: 'http', status: 500 }, failed(4), { ...policy, maxDelayMs: 3000 })).toMatchObject({ delayMs: 3000 });
    expect(decideAfterFailure({ kind: 'http', status: 503, retryAfterSeconds: 120 }, failed(1), policy)).toMatchObject({ delayMs: 120_000 });
  });

  it('retries 5xx for at least an hour even past the attempt budget, then gives up', () => {
    expect(decideAfterFailure({ kind: 'http', status: 502 }, failed(5, 10 * 60_000), policy)).toMatchObject({ action: 'retry' });
    expect(decideAfterFailure({ kind: 'http', status: 502 }, failed(30, HOUR - 1), policy)).toMatchObject({ action: 'retry' });
    expect(decideAfterFailure({ kind: 'http', status: 502 }, failed(14, HOUR), policy)).toEqual({ action: 'dead', reason: 'gave up after 14 failed attempts over 1 h: HTTP 502' });
    // An hour is not enough on its own: the attempt budget must be spent too.
    expect(decideAfterFailure({ kind: 'http', status: 502 }, failed(2, 2 * HOUR), policy)).toMatchObject({ action: 'retry' });
  });

  it('dead-letters 403 at once: the bot was blocked or removed', () => {
    const d = decideAfterFailure({ kind: 'http', status: 403, code: 'ConversationBlockedByUser' }, failed(1), policy);
    expect(d).toEqual({ action: 'dead', reason: expect.stringContaining('ConversationBlockedByUser') });
  });

  it('dead-letters other client errors at once', () => {
    expect(decideAfterFailure({ kind: 'http', status: 404 }, failed(1), policy).action).toBe('dead');
  });

  it('retries network errors and dead-letters messages with nowhere to go', () => {
    expect(decideAfterFailure({ kind: 'network', message: 'ECONNRESET' }, failed(1), policy).action).toBe('retry');
    expect(decideAfterFailure({ kind: 'no-target', message: 'no chat' }, failed(1), policy).action).toBe('dead');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

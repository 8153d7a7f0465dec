/**
 * What to do with an outbox row after a delivery attempt. Pure: the worker records the decision in the row, so a
 * retry survives a restart (a timer in memory would not).
 */
export type DeliveryFailure =
  | { kind: 'http'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
  | { kind: 'network'; message: string }
  | { kind: 'no-target'; message: string };

export type DeliveryDecision =
  | { action: 'retry'; delayMs: number; reason: string; throttled: boolean }
  | { action: 'dead'; reason: string };

/** The row's failures so far, this attempt included. */
export interface FailureHistory {
  /** Attempts that failed for any reason but throttling (429): these use up the attempt budget. */
  failures: number;
  /** Attempts Teams answered 429: these never use up the budget. */
  throttles: number;
  /** Time since the row's first failed attempt (0 when this is the first). */
  failingForMs: number;
}

export interface RetryPolicy {
  /** Failed attempts (429 not counted) before a message may be dead-lettered. */
  maxAttempts: number;
  /** Server errors and network failures are retried for at least this long, however many attempts that takes. */
  minRetrySpanMs: number;
  /** The ceiling: a message still failing (throttled or not) this long after its first failure is dead-lettered. */
  giveUpAfterMs: number;
  /** Backoff for attempt n (1-based) before jitter, from the retry library. */
  backoffMs: (attempt: number) => number;
  /** 0..1, multiplied into the backoff; injected so tests are repeatable. */
  random: () => number;
  maxDelayMs: number;
}

const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10} h`;

export function decideAfterFailure(failure: DeliveryFailure, history: FailureHistory, policy: RetryPolicy): DeliveryDecision {
  const reason = describeFailure(failure);
  if (failure.kind === 'no-target') return { action: 'dead', reason };
  if (failure.kind === 'http' && failure.status === 403) {
    // Bot blocked or removed (MessageWritesBlocked, ConversationBlockedByUser): retrying cannot help.
    return { action: 'dead', reason: `Teams refused delivery (${reason}): the bot was blocked or removed` };
  }
  if (failure.kind === 'http' && !RETRYABLE_STATUS.has(failure.status)) return { action: 'dead', reason };
  if (history.failingForMs >= policy.giveUpAfterMs) {
    return { action: 'dead', reason: `gave up after ${hours(history.failingForMs)} of failed attempts (${history.throttles} throttled): ${reason}` };
  }
  const retryAfterMs = failure.kind === 'http' && failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : undefined;

  // Teams throttles a busy thread for minutes at a time: a 429 is "not yet", so it waits as long as Teams asks
  // (or backs off when it does not say) and never counts against the attempt budget.
  if (failure.kind === 'http' && failure.status === 429) {
    const delayMs = retryAfterMs ?? Math.min(jitter(policy.backoffMs(history.throttles), policy), policy.maxDelayMs);
    return { action: 'retry', delayMs, reason, throttled: true };
  }
  if (history.failures >= policy.maxAttempts && history.failingForMs >= policy.minRetrySpanMs) {
    return { action: 'dead', reason: `gave up after ${history.failures} failed attempts over ${hours(history.failingForMs)}: ${reason}` };
  }
  // Jitter (50-100% of the exponential step) spreads a burst of retries across the window.
  const jittered = jitter(policy.backoffMs(history.failures), policy);
  const delayMs = Math.min(Math.max(jittered, retryAfterMs ?? 0), Math.max(policy.maxDelayMs, retryAfterMs ?? 0));
  return { action: 'retry', delayMs, reason, throttled: false };
}

const jitter = (ms: number, policy: RetryPolicy) => Math.round(ms * (0.5 + policy.random() / 2));

function describeFailure(f: DeliveryFailure): string {
  if (f.kind === 'http') return [`HTTP ${f.status}`, f.code, f.message].filter(Boolean).join(' ');
  return f.message;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now: Date): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now.getTime()) / 1000);
}

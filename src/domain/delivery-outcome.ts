/**
 * What to do with an outbox row after a delivery attempt. Pure: the worker records the decision in the row, so a
 * retry survives a restart (a timer in memory would not).
 */
export type DeliveryFailure =
  | { kind: 'http'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
  | { kind: 'network'; message: string }
  | { kind: 'no-target'; message: string };

export type DeliveryDecision =
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'dead'; reason: string };

export interface RetryPolicy {
  maxAttempts: number;
  /** Backoff for attempt n (1-based) before jitter, from the retry library. */
  backoffMs: (attempt: number) => number;
  /** 0..1, multiplied into the backoff; injected so tests are repeatable. */
  random: () => number;
  maxDelayMs: number;
}

const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

export function decideAfterFailure(failure: DeliveryFailure, attempts: number, policy: RetryPolicy): DeliveryDecision {
  const reason = describeFailure(failure);
  if (failure.kind === 'no-target') return { action: 'dead', reason };
  if (failure.kind === 'http' && failure.status === 403) {
    // Bot blocked or removed (MessageWritesBlocked, ConversationBlockedByUser): retrying cannot help.
    return { action: 'dead', reason: `Teams refused delivery (${reason}): the bot was blocked or removed` };
  }
  if (failure.kind === 'http' && !RETRYABLE_STATUS.has(failure.status)) return { action: 'dead', reason };
  if (attempts >= policy.maxAttempts) return { action: 'dead', reason: `gave up after ${attempts} attempts: ${reason}` };

  // Jitter (50-100% of the exponential step) spreads a burst of retries across the window.
  const jittered = Math.round(policy.backoffMs(attempts) * (0.5 + policy.random() / 2));
  const retryAfterMs = failure.kind === 'http' && failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : 0;
  return { action: 'retry', delayMs: Math.min(Math.max(jittered, retryAfterMs), Math.max(policy.maxDelayMs, retryAfterMs)), reason };
}

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

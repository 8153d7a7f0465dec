import { randomUUID } from 'node:crypto';
import Bottleneck from 'bottleneck';
import retry from 'retry';
import type { OutboxMessage } from '@prisma/client';
import type { Db } from '../store/prisma';
import type { Logger } from '../log/logger';
import { decideAfterFailure, type DeliveryFailure, type RetryPolicy } from '../domain/delivery-outcome';

/** Delivers one outbox row; throws a DeliveryError when Teams or the network says no. */
export interface Sender {
  deliver(row: OutboxMessage, original?: OutboxMessage): Promise<{ activityId: string; conversationId?: string }>;
}

export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(failure.kind === 'http' ? `HTTP ${failure.status}` : failure.message);
  }
}

export interface OutboxWorkerOptions {
  pollMs: number;
  leaseSeconds: number;
  maxAttempts: number;
  /** Server errors are retried for at least this long; any failing message gives up after giveUpHours. */
  retryHours: number;
  giveUpHours: number;
  /** Least time between two sends to one conversation, and between any two sends of the tenant (see below). */
  conversationSpacingMs?: number;
  tenantSpacingMs?: number;
  random?: () => number;
  /** The clock; injected so a test can play hours of throttling in a moment. */
  now?: () => Date;
  /**
   * Asked before each round: only while it answers true does this process claim and send. With several processes
   * on one database, start.ts passes the outbox sender lease (src/store/job-lease.ts), so one process sends at a
   * time and the spacing below holds for the whole tenant, not per process.
   */
  gate?: () => Promise<boolean>;
}

/**
 * Delivers outbox rows in order per conversation, within Teams' rate limits, retrying with backoff recorded in the
 * row itself, so a retry or a half-done batch survives a restart. Rows are claimed with a lease, so several
 * workers never send the same row at the same time. Delivery is at least once: a send that times out is retried
 * and may arrive twice. The rate limits are kept in this process; the gate makes it the only one sending.
 */
export class OutboxWorker {
  private readonly holder = randomUUID();
  private readonly tenant: Bottleneck;
  private readonly conversations: Bottleneck.Group;
  private readonly policy: RetryPolicy;
  private readonly now: () => Date;
  private timer?: NodeJS.Timeout;
  private running = false;
  private wake = false;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Rows this process has claimed and not finished: never claimed again, even once their lease has run out. */
  private readonly queued = new Set<string>();
  private readonly backlog: number;
  private readonly spacing: { min: number; now: number; max: number };
  private rounds = 0;
  private lastTick = 0;

  constructor(
    private readonly db: Db,
    private readonly sender: Sender,
    private readonly log: Logger,
    private readonly opts: OutboxWorkerOptions,
  ) {
    // Teams' limits (TEAMS.md) hold in any window, not per calendar second; a fixed-window reservoir lets twice
    // the limit through across a window edge (measured by bench/outbox-rate.ts). Even spacing cannot: a send every
    // 300 ms keeps one conversation under 7 per second and 8 per 2 seconds, and every 21-30 ms (below) keeps the
    // tenant under 50 per second. Slower limits (60 per 30 s, 1800 per hour per thread) are met by honouring 429 Retry-After.
    const tenantSpacing = opts.tenantSpacingMs ?? 21;
    this.tenant = new Bottleneck({ minTime: tenantSpacing });
    // 21 ms is 95% of the tenant's 50 per second. Sends scheduled evenly still reach Teams bunched when this process
    // stalls (a garbage collection, a claim round), and each 429 wastes a slot: so a 429 widens the spacing by 2 ms
    // (up to 30) and every delivery narrows it by 0.05 ms again (down to the configured spacing).
    // A spacing of 0 (tests that play the clock) means no tenant limit at all, and stays so.
    this.spacing = { min: tenantSpacing, now: tenantSpacing, max: tenantSpacing > 0 ? Math.max(tenantSpacing, 30) : 0 };
    // Two seconds of sends waiting in the limiter is enough to keep it busy; claiming more only rereads rows.
    this.backlog = Math.max(50, Math.ceil(2000 / Math.max(1, tenantSpacing)));
    this.conversations = new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.conversationSpacingMs ?? 300 });
    this.conversations.on('created', (limiter) => limiter.chain(this.tenant));
    this.now = opts.now ?? (() => new Date());
    this.policy = {
      maxAttempts: opts.maxAttempts,
      minRetrySpanMs: opts.retryHours * 3_600_000,
      giveUpAfterMs: opts.giveUpHours * 3_600_000,
      backoffMs: (attempt) => retry.createTimeout(attempt - 1, { factor: 2, minTimeout: 1000, maxTimeout: 5 * 60_000, randomize: false }),
      random: opts.random ?? Math.random,
      maxDelayMs: 5 * 60_000,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a turn commits rows, so a notice goes out now rather than at the next poll. */
  kick(): void {
    this.wake = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.resolveSleep?.();
    }
  }

  /** Stops claiming rows and waits for deliveries in flight; unclaimed rows wait for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private resolveSleep?: () => void;

  private async run(): Promise<void> {
    while (this.running) {
      this.wake = false;
      // Every delivery that ends wakes the loop; at most one round per poll interval (capped at 100 ms) keeps a
      // fan-out from reading the pending rows once per message sent.
      const gap = this.lastTick + Math.min(100, this.opts.pollMs) - Date.now();
      if (gap > 0) await new Promise((r) => setTimeout(r, gap));
      this.lastTick = Date.now();
      try {
        await this.tick(this.now());
      } catch (err) {
        this.log.error({ err }, 'outbox: delivery round failed');
      }
      if (!this.running) break;
      if (this.wake) continue;
      await new Promise<void>((resolve) => {
        this.resolveSleep = resolve;
        this.timer = setTimeout(resolve, this.opts.pollMs);
      });
      this.timer = undefined;
    }
  }

  /**
   * One round: claim the head of each conversation's queue and start delivering it in that conversation's lane.
   * Deliveries run on while the loop polls again, so one slow conversation does not hold up the others.
   */
  async tick(now = this.now()): Promise<number> {
    if (this.queued.size >= this.backlog) return 0;
    if (this.opts.gate && !(await this.opts.gate())) return 0;
    const heads = await this.claimHeads(now);
    for (const row of heads) {
      this.queued.add(row.id);
      const delivery = this.conversations.key(row.conversationKey).schedule(() => this.deliverOne(row));
      this.inFlight.add(delivery);
      void delivery.finally(() => {
        this.inFlight.delete(delivery);
        this.queued.delete(row.id);
        this.kick();
      });
    }
    return heads.length;
  }

  /** Resolves when nothing due is left undelivered (tests and scripts wait on it). */
  async drain(): Promise<void> {
    // A turn wakes the worker only after it commits, and that round may not have claimed yet: claim what is due now,
    // wait for every delivery, and again until a round finds nothing due and nothing is on its way.
    for (;;) {
      const claimed = await this.tick();
      if (!claimed && !this.inFlight.size) return;
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /**
   * Claims the due head of each conversation's queue in one statement. The guard in its where clause makes each row
   * go to exactly one worker, and the round's own token in lockedBy says which rows this round won.
   */
  private async claimHeads(now: Date): Promise<OutboxMessage[]> {
    // Only what choosing needs: the rows' cards are read for the ones claimed.
    const pending = await this.db.outboxMessage.findMany({ where: { status: 'pending' }, orderBy: { seq: 'asc' }, take: 500, select: { id: true, conversationKey: true, nextAttemptAt: true, lockedUntil: true } });
    const seen = new Set<string>();
    const due: string[] = [];
    for (const row of pending) {
      // Only the oldest pending row of a conversation may go: a later one waits even if it is due.
      if (seen.has(row.conversationKey)) continue;
      seen.add(row.conversationKey);
      // Still waiting in this process's rate-limit queue: when sends are slow (a loaded machine, a long fan-out) its
      // lease can run out before its turn comes, and claiming it again would send it twice.
      if (this.queued.has(row.id)) continue;
      if (row.nextAttemptAt > now || (row.lockedUntil && row.lockedUntil > now)) continue;
      due.push(row.id);
    }
    if (!due.length) return [];
    const token = `${this.holder}:${++this.rounds}`;
    await this.db.outboxMessage.updateMany({
      where: { id: { in: due }, status: 'pending', OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil: new Date(now.getTime() + this.opts.leaseSeconds * 1000), lockedBy: token },
    });
    return this.db.outboxMessage.findMany({ where: { id: { in: due }, lockedBy: token }, orderBy: { seq: 'asc' } });
  }

  private async deliverOne(row: OutboxMessage): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      const original = row.updatesId ? await this.db.outboxMessage.findUnique({ where: { id: row.updatesId } }) : undefined;
      if (row.updatesId && original?.status !== 'sent') {
        throw new DeliveryError({ kind: 'no-target', message: 'the message to update was never delivered' });
      }
      const result = await this.sender.deliver(row, original ?? undefined);
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: 'sent', attempts, sentAt: this.now(), lockedUntil: null, lastError: null, deliveredActivityId: result.activityId, deliveredConversationId: result.conversationId ?? null },
        select: { id: true },
      });
      this.log.info({ outboxId: row.id, kind: row.kind, attempts, activityId: result.activityId }, 'outbox: delivered');
      this.pace(-0.05);
    } catch (err) {
      await this.recordFailure(row, attempts, err).catch((dbErr) => {
        // The database itself failed: the lease runs out and the row is tried again, nothing is lost. Never let
        // this reject: a delivery's promise is not awaited, and an unhandled rejection would stop the process.
        this.log.error({ err: dbErr, outboxId: row.id }, 'outbox: could not record a delivery attempt');
      });
    }
  }

  private async recordFailure(row: OutboxMessage, attempts: number, err: unknown): Promise<void> {
    const now = this.now();
    const failure: DeliveryFailure = err instanceof DeliveryError ? err.failure : { kind: 'network', message: err instanceof Error ? err.message : String(err) };
    const throttled = failure.kind === 'http' && failure.status === 429;
    if (throttled) this.pace(2);
    const throttles = row.throttledAttempts + (throttled ? 1 : 0);
    const firstFailedAt = row.firstFailedAt ?? now;
    const history = { failures: attempts - throttles, throttles, failingForMs: now.getTime() - firstFailedAt.getTime() };
    const decision = decideAfterFailure(failure, history, this.policy);
    const common = { attempts, throttledAttempts: throttles, firstFailedAt, lastError: decision.reason, lockedUntil: null };
    if (decision.action === 'dead') {
      await this.db.outboxMessage.update({ where: { id: row.id }, data: { ...common, status: 'dead' }, select: { id: true } });
      this.log.warn({ outboxId: row.id, attempts, throttles, reason: decision.reason }, 'outbox: dead-lettered');
      return;
    }
    await this.db.outboxMessage.update({ where: { id: row.id }, data: { ...common, nextAttemptAt: new Date(now.getTime() + decision.delayMs) }, select: { id: true } });
    this.log.warn({ outboxId: row.id, attempts, throttles, delayMs: decision.delayMs, reason: decision.reason }, 'outbox: will retry');
    this.scheduleWake(decision.delayMs);
  }

  /** Moves the tenant spacing within its bounds; Bottleneck applies it from the next send. */
  private pace(deltaMs: number): void {
    const next = Math.min(this.spacing.max, Math.max(this.spacing.min, this.spacing.now + deltaMs));
    const changed = Math.round(next) !== Math.round(this.spacing.now);
    this.spacing.now = next;
    if (changed) this.tenant.updateSettings({ minTime: Math.round(next) });
  }

  private scheduleWake(delayMs: number): void {
    const t = setTimeout(() => this.kick(), delayMs + 5);
    t.unref();
  }
}

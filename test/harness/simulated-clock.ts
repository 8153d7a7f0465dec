import type { OutboxWorker } from '../../src/notify/outbox-worker';
import type { Db } from '../../src/store/prisma';

/** Runs the outbox worker on simulated time: while nothing is due, the clock jumps to the next retry. */
export async function playOutbox(worker: OutboxWorker, db: Db, clock: { now: number }, limitMs: number): Promise<void> {
  const end = clock.now + limitMs;
  while (clock.now < end) {
    const claimed = await worker.tick(new Date(clock.now));
    await worker.drain();
    if (claimed > 0) {
      clock.now += 10;
      continue;
    }
    const next = await db.outboxMessage.findFirst({ where: { status: 'pending', nextAttemptAt: { gt: new Date(clock.now) } }, orderBy: { nextAttemptAt: 'asc' } });
    if (!next) return;
    clock.now = next.nextAttemptAt.getTime();
  }
}

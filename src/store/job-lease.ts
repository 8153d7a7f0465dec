import { dialectOfClient, type Db } from './prisma';

/**
 * A named lease in the JobLock table, for work exactly one process may do at a time (the outbox sender, scheduled
 * sweeps). Taking or renewing it is one guarded update, so two processes cannot both hold it; a holder that dies
 * simply stops renewing, and another takes it once lockedUntil has passed. Times come from each process's clock:
 * replicas need their clocks in step (NTP) to well under the lease length.
 */
export async function holdLease(db: Db, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const lockedUntil = new Date(now.getTime() + ttlMs);
  const { count } = await db.jobLock.updateMany({
    where: { name, OR: [{ holder }, { lockedUntil: { lte: now } }] },
    data: { holder, lockedUntil },
  });
  if (count === 1) return true;
  if (await db.jobLock.findUnique({ where: { name }, select: { name: true } })) return false;
  try {
    await db.jobLock.create({ data: { name, holder, lockedUntil } });
    return true;
  } catch (err) {
    // Another process created it between our two statements: theirs, this time.
    if ((err as { code?: string }).code === 'P2002') return false;
    throw err;
  }
}

/** Gives the lease up at once (a clean shutdown), so another process need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLock.updateMany({ where: { name, holder }, data: { lockedUntil: new Date(0) } });
}

/**
 * The lease as a gate: true while this holder has it, renewing it on every call. SQLite serves one process
 * (docs/decisions/0002-sqlite-first.md), so there is no one to elect against, and a write every poll would contend
 * with the other local writers (the Playground's demo seeding runs beside the bot): there the gate is always open.
 */
export function leaseGate(db: Db, name: string, holder: string, ttlMs: number) {
  if (dialectOfClient(db) === 'sqlite') return { held: async () => true, release: async () => undefined };
  return {
    held: () => holdLease(db, name, holder, ttlMs),
    release: () => releaseLease(db, name, holder),
  };
}

import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../store/prisma';
import { GENESIS_HASH, hashAuditEvent, verifyChain, type ChainCheck } from '../domain/audit-chain';

export interface AuditInput {
  actor: { personId: string | null; name: string };
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

/**
 * Appends one event to the chain inside the caller's transaction (REC-1), so the change and its record commit or
 * fail together. Two statements: the first takes the chain's lock row and reads the head kept in it (a trigger on
 * AuditEvent moves the head with every insert); the second inserts. PostgreSQL holds the row lock until commit, and
 * an UPDATE that waited for it returns the row as the other transaction left it, so appends from several processes
 * queue instead of reading the same predecessor; seq stays the primary key, so a fork could never commit anyway.
 */
export async function appendAudit(tx: Tx, input: AuditInput, now = new Date()): Promise<{ seq: number; hash: string }> {
  const [head] = await tx.$queryRawUnsafe<AuditHead[]>(TAKE_AUDIT_HEAD);
  const event = nextAuditEvent(head, input, now);
  await tx.auditEvent.create({ data: event, select: { seq: true } });
  return { seq: event.seq, hash: event.hash };
}

/** The chain's head as the lock row keeps it; the first statement of every append, through Prisma or the driver. */
export const TAKE_AUDIT_HEAD = 'UPDATE "AuditChainLock" SET "appends" = "appends" + 1 WHERE "id" = 1 RETURNING "headSeq", "headHash"';
export type AuditHead = { headSeq: number | bigint; headHash: string | null };

/** The event that follows `head`, hashed: the second statement inserts exactly these fields. */
export function nextAuditEvent(head: AuditHead | undefined, input: AuditInput, now: Date) {
  if (!head) throw new Error('the audit chain has no lock row: run the migrations (npm run db:migrate)');
  const fields = {
    seq: Number(head.headSeq) + 1,
    id: randomUUID(),
    at: now,
    actorId: input.actor.personId,
    actorName: input.actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data: JSON.stringify(input.data ?? {}),
    prevHash: head.headHash ?? GENESIS_HASH,
  };
  return { ...fields, hash: hashAuditEvent(fields) };
}

/** Reads the whole chain in pages, so a long trail does not have to fit in memory at once. */
export async function verifyAuditTrail(db: Db, pageSize = 1000): Promise<ChainCheck> {
  let start: { seq: number; hash: string } | undefined;
  let total = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { seq: { gt: start?.seq ?? 0 } }, orderBy: { seq: 'asc' }, take: pageSize });
    if (page.length === 0) return { ok: true, count: total, lastHash: start?.hash ?? GENESIS_HASH };
    const check = verifyChain(page, start);
    if (!check.ok) return { ...check, count: total + check.count };
    total += check.count;
    const last = page[page.length - 1];
    start = { seq: last.seq, hash: last.hash };
  }
}

export async function recentAuditEvents(db: Db, take: number) {
  return db.auditEvent.findMany({ orderBy: { seq: 'desc' }, take });
}

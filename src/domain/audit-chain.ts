import { createHash } from 'node:crypto';

/** The first event's prevHash: 64 zeros, so every event has a previous hash to chain to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON text of what changed, as stored. */
  data: string;
  prevHash: string;
}

/** Canonical text of an event: fixed field order, ISO time, so the same row always hashes the same (REC-1). */
export function hashAuditEvent(e: AuditFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.data,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainCheck =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenAt: { seq: number; id: string }; reason: string };

/**
 * Walks events in seq order and reports the first broken link: a changed event (its hash no longer matches), a
 * removed or reordered one (prevHash does not name its predecessor), or a gap in seq.
 */
export function verifyChain(events: Iterable<AuditFields & { hash: string }>, start?: { seq: number; hash: string }): ChainCheck {
  let prev = start?.hash ?? GENESIS_HASH;
  let expectedSeq = (start?.seq ?? 0) + 1;
  let count = 0;
  for (const e of events) {
    const at = { seq: e.seq, id: e.id };
    if (e.seq !== expectedSeq) return { ok: false, count, brokenAt: at, reason: `expected event #${expectedSeq}, found #${e.seq}: an event is missing` };
    if (e.prevHash !== prev) return { ok: false, count, brokenAt: at, reason: 'its previous-hash does not match the event before it' };
    if (hashAuditEvent(e) !== e.hash) return { ok: false, count, brokenAt: at, reason: 'its content no longer matches its hash: it was changed' };
    prev = e.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, lastHash: prev };
}

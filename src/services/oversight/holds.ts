import { AppError } from '../../errors/app-error';
import { heldMessage } from '../../errors/held-for-police';
import type { Db, Tx } from '../../store/prisma';

export type HeldType = 'presence' | 'post';

/** REC-3: the police case a record is held for, if any (the first one, as the database triggers name it). */
export async function heldFor(db: Db | Tx, entityType: HeldType, entityId: string): Promise<string | null> {
  const hold = await db.recordHold.findFirst({ where: { entityType, entityId }, orderBy: { createdAt: 'asc' }, select: { caseNumber: true } });
  return hold?.caseNumber ?? null;
}

/** Says "held for police case N" before trying a change the database would refuse anyway. */
export async function assertNotHeld(db: Db | Tx, entityType: HeldType, entityId: string): Promise<void> {
  const caseNumber = await heldFor(db, entityType, entityId);
  if (caseNumber) throw new AppError('CONFLICT', heldMessage(caseNumber));
}

/** The case numbers holding any of these records, each once, for a card's status line. */
export async function casesHolding(db: Db | Tx, refs: Array<{ entityType: HeldType; entityId: string }>): Promise<string[]> {
  if (!refs.length) return [];
  const holds = await db.recordHold.findMany({ where: { OR: refs.map((r) => ({ entityType: r.entityType, entityId: r.entityId })) }, orderBy: { createdAt: 'asc' }, select: { caseNumber: true } });
  return [...new Set(holds.map((h) => h.caseNumber))];
}

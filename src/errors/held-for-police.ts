/**
 * REC-3: the database refuses any change to a record kept for a police investigation (triggers in the migration
 * 20261207030000_police_referrals_and_corrections). Whatever service hit that refusal, the person reads this.
 */
const HELD = /held for police case ([^\n"']{1,40})/;

type Cause = { message?: unknown; originalMessage?: unknown };
type DbError = { code?: unknown; message?: unknown; meta?: { message?: unknown; driverAdapterError?: { cause?: Cause } }; cause?: Cause };

/**
 * The case number in the database's refusal. Prisma keeps the trigger's words in the driver adapter's error (the
 * message says only "constraint violated"), so only those fields are read, never a message Prisma wrote itself.
 */
export function heldForPoliceCase(err: unknown): string | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as DbError;
  const said = [e.meta?.driverAdapterError?.cause?.originalMessage, e.meta?.driverAdapterError?.cause?.message, e.meta?.message, e.cause?.originalMessage, e.cause?.message, e.code === undefined ? e.message : undefined];
  for (const s of said) {
    const hit = typeof s === 'string' ? HELD.exec(s) : null;
    if (hit) return hit[1].trim();
  }
  return null;
}

export const heldMessage = (caseNumber: string) =>
  `This record is held for police case ${caseNumber}: no one can change or delete it while the investigation keeps it. Nothing was changed.`;

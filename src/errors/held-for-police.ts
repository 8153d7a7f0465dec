/**
 * REC-3: the database refuses any change to a record kept for a police investigation (triggers in the migration
 * 20261207030000_police_referrals_and_corrections). Whatever service hit that refusal, the person reads this.
 */
const HELD = /held for police case ([^\n"']{1,40})/;

export function heldForPoliceCase(err: unknown): string | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const hit = HELD.exec(message);
  return hit ? hit[1].trim() : null;
}

export const heldMessage = (caseNumber: string) =>
  `This record is held for police case ${caseNumber}: no one can change or delete it while the investigation keeps it. Nothing was changed.`;

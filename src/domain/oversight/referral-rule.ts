import { hasRole, type Actor } from '../roles';
import { refuse, type Result } from '../result';

export interface ReferralInput {
  foundOn?: string;
  reportedOn?: string;
  caseNumber?: string;
  note?: string;
  /** The records kept for the investigation: 'presence' and/or 'post:<id>'. */
  held: readonly string[];
}
export type ReferralVerdict = { foundAt: Date; reportedAt: Date; caseNumber: string; note: string; held: string[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A police case number as written on the report: letters, digits and - / . only. */
const CASE = /^[A-Za-z0-9][A-Za-z0-9\-/. ]{0,39}$/;

function day(value: string | undefined): Date | null {
  if (!value || !DAY.test(value)) return null;
  const d = new Date(`${value}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

/**
 * REC-3 (APM "Role of IT" 4): the IT Director reports criminal activity or a law violation to the Police Department.
 * Found on or before reported, neither in the future, a case number, and at least one record kept.
 */
export function referralRule(actor: Pick<Actor, 'roles'>, input: ReferralInput, today: string): Result<ReferralVerdict> {
  if (!hasRole(actor, 'it_director')) return refuse('NOT_AUTHORIZED', 'Only the IT Director records a referral to the Police Department.');
  const foundAt = day(input.foundOn);
  if (!foundAt) return refuse('INVALID_INPUT', 'Give the date it was found (YYYY-MM-DD).');
  const reportedAt = day(input.reportedOn);
  if (!reportedAt) return refuse('INVALID_INPUT', 'Give the date it was reported to the Police Department (YYYY-MM-DD).');
  if (input.reportedOn! > today || input.foundOn! > today) return refuse('INVALID_INPUT', 'The dates cannot be later than today.');
  if (reportedAt < foundAt) return refuse('INVALID_INPUT', 'It cannot be reported before it was found.');
  const caseNumber = (input.caseNumber ?? '').trim();
  if (!CASE.test(caseNumber)) return refuse('INVALID_INPUT', 'Give the police case number (letters, digits and - / . only, up to 40).');
  if (!input.held.length) return refuse('INVALID_INPUT', 'Choose at least one record to keep for the investigation.');
  return { refused: false, foundAt, reportedAt, caseNumber, note: (input.note ?? '').trim(), held: [...new Set(input.held)] };
}

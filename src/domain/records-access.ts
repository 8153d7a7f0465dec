import { hasRole, isAdmin, type Actor } from './roles';

/** REC-2: records custodians and admins search and export the City's records; nobody else does. */
export function canReadRecords(actor: Pick<Actor, 'roles'>): boolean {
  return isAdmin(actor) || hasRole(actor, 'records_custodian');
}

/** The UTC instant at which a calendar day (YYYY-MM-DD) starts in a time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(guess - (asLocal - guess));
}

/** The last millisecond of a calendar day in a time zone. */
export function endOfDay(day: string, timeZone: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(startOfDay(next.toISOString().slice(0, 10), timeZone).getTime() - 1);
}

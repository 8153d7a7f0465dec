/**
 * FRESH-1, FRESH-2 (APM clause 8, "Role of IT" 1): how fresh a live presence is. Pure: the caller supplies the
 * facts, the moment and the settings, so tests run months in milliseconds.
 */

export interface FreshnessSettings {
  /** Stale (the owner is nudged) once this many calendar days have passed since the last activity. */
  staleDays: number;
  /** Reasonably appears abandoned (the IT Director is asked) after this many days... */
  abandonedDays: number;
  /** ...or once this many weekly nudges in a row were left unanswered. */
  abandonedAfterNudges: number;
}

export const DEFAULT_FRESHNESS: FreshnessSettings = { staleDays: 30, abandonedDays: 90, abandonedAfterNudges: 3 };

/** What is known of a presence's activity. Each is the latest of its kind, or null when there is none. */
export interface ActivityFacts {
  wentLiveAt: Date | null;
  /** The owner pressed "Still active" on a nudge. */
  confirmedAt: Date | null;
  /** A post marked published (the posts issue); null until posts record it. */
  lastPostAt: Date | null;
}

/** The latest of going live, a "still active" confirmation and a published post; null if none happened yet. */
export function lastActivity(f: ActivityFacts): Date | null {
  const times = [f.wentLiveAt, f.confirmedAt, f.lastPostAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

export type Freshness =
  | { kind: 'fresh'; days: number }
  | { kind: 'stale'; days: number }
  | { kind: 'abandoned'; days: number; why: 'days' | 'nudges' };

/**
 * Days count as calendar days in the City's time zone, so a daylight saving change (a 23- or 25-hour day) never
 * moves a presence across a boundary, and "30 days" means what a person reading a calendar means.
 * `unansweredNudges` counts the nudges sent after the last activity (an answer is itself activity).
 */
export function freshnessOf(last: Date, unansweredNudges: number, now: Date, timeZone: string, s: FreshnessSettings = DEFAULT_FRESHNESS): Freshness {
  const days = calendarDaysBetween(last, now, timeZone);
  if (days >= s.abandonedDays) return { kind: 'abandoned', days, why: 'days' };
  if (unansweredNudges >= s.abandonedAfterNudges) return { kind: 'abandoned', days, why: 'nudges' };
  if (days >= s.staleDays) return { kind: 'stale', days };
  return { kind: 'fresh', days };
}

/** Whole calendar days from one moment's local date to another's, in `timeZone` (negative if `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return Math.round((localDayNumber(to, timeZone) - localDayNumber(from, timeZone)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localDayNumber(at: Date, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const [y, m, d] = f.format(at).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

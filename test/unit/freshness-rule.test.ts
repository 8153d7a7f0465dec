import { calendarDaysBetween, DEFAULT_FRESHNESS, freshnessOf, lastActivity } from '../../src/domain/freshness/freshness-rule';
import { isoWeekKey } from '../../src/domain/freshness/iso-week';

const TZ = 'America/Chicago';
/** Noon in Chicago on a day in December (CST, UTC-6), `n` days after Dec 1 2026. */
const day = (n: number) => new Date(Date.UTC(2026, 11, 1 + n, 18, 0));

describe('freshness rule (FRESH-1, FRESH-2)', () => {
  const last = day(0);

  it.each([
    [29, 'fresh'],
    [30, 'stale'],
    [31, 'stale'],
    [89, 'stale'],
    [90, 'abandoned'],
    [91, 'abandoned'],
  ])('%i days after the last activity is %s', (days, kind) => {
    const f = freshnessOf(last, 0, day(days), TZ);
    expect(f.kind).toBe(kind);
    expect(f.days).toBe(days);
  });

  it('two unanswered nudges leave a stale presence stale; the third makes it appear abandoned (FRESH-2)', () => {
    expect(freshnessOf(last, 2, day(45), TZ).kind).toBe('stale');
    expect(freshnessOf(last, 3, day(45), TZ)).toEqual({ kind: 'abandoned', days: 45, why: 'nudges' });
  });

  it('takes its limits from the settings', () => {
    const s = { staleDays: 7, abandonedDays: 14, abandonedAfterNudges: 1 };
    expect(freshnessOf(last, 0, day(6), TZ, s).kind).toBe('fresh');
    expect(freshnessOf(last, 0, day(7), TZ, s).kind).toBe('stale');
    expect(freshnessOf(last, 1, day(8), TZ, s).kind).toBe('abandoned');
    expect(freshnessOf(last, 0, day(14), TZ, s).kind).toBe('abandoned');
    expect(DEFAULT_FRESHNESS).toEqual({ staleDays: 30, abandonedDays: 90, abandonedAfterNudges: 3 });
  });

  it('counts calendar days in TIME_ZONE, not 24-hour spans', () => {
    // 11:30 PM Dec 1 in Chicago is already Dec 2 in UTC; 12:30 AM Dec 31 in Chicago is 30 calendar days later there,
    // though only 29 days and one hour have elapsed.
    const lateEvening = new Date('2026-12-02T05:30:00Z');
    const justAfterMidnight = new Date('2026-12-31T06:30:00Z');
    expect(calendarDaysBetween(lateEvening, justAfterMidnight, TZ)).toBe(30);
    expect(freshnessOf(lateEvening, 0, justAfterMidnight, TZ).kind).toBe('stale');
    // The same two moments read in UTC are 29 calendar days apart.
    expect(freshnessOf(lateEvening, 0, justAfterMidnight, 'UTC').kind).toBe('fresh');
  });

  it('is not moved by the end of daylight saving time (Nov 1 2026 in Chicago, a 25-hour day)', () => {
    const beforeDst = new Date('2026-10-09T04:30:00Z'); // Oct 8, 11:30 PM CDT
    const afterDst = new Date('2026-11-07T06:30:00Z'); // Nov 7, 12:30 AM CST: 29 days 2 hours later
    expect(calendarDaysBetween(beforeDst, afterDst, TZ)).toBe(30);
    expect(freshnessOf(beforeDst, 0, afterDst, TZ).kind).toBe('stale');
  });

  it('is not moved by the start of daylight saving time (Mar 8 2026, a 23-hour day)', () => {
    const before = new Date('2026-02-07T06:00:00Z'); // Feb 7, 12:00 AM CST
    const at29 = new Date('2026-03-09T04:59:00Z'); // Mar 8, 11:59 PM CDT: 29 calendar days
    const at30 = new Date('2026-03-09T05:00:00Z'); // Mar 9, 12:00 AM CDT: 30 calendar days, 29 days 23 hours elapsed
    expect(freshnessOf(before, 0, at29, TZ).kind).toBe('fresh');
    expect(freshnessOf(before, 0, at30, TZ).kind).toBe('stale');
  });
});

describe('last activity', () => {
  const a = new Date('2026-01-01T00:00:00Z');
  const b = new Date('2026-02-01T00:00:00Z');
  const c = new Date('2026-03-01T00:00:00Z');

  it('is the latest of going live, a "still active" confirmation and a published post', () => {
    expect(lastActivity({ wentLiveAt: a, confirmedAt: null, lastPostAt: null })).toEqual(a);
    expect(lastActivity({ wentLiveAt: a, confirmedAt: c, lastPostAt: b })).toEqual(c);
    expect(lastActivity({ wentLiveAt: a, confirmedAt: b, lastPostAt: c })).toEqual(c);
    expect(lastActivity({ wentLiveAt: null, confirmedAt: null, lastPostAt: null })).toBeNull();
  });
});

describe('ISO week in TIME_ZONE', () => {
  it('names the week a moment falls in where the City reads it', () => {
    expect(isoWeekKey(new Date('2026-12-07T15:00:00Z'), TZ)).toBe('2026-W50'); // Monday Dec 7
    // Monday 00:30 UTC is still Sunday evening in Chicago: the week before.
    expect(isoWeekKey(new Date('2026-12-07T00:30:00Z'), TZ)).toBe('2026-W49');
    expect(isoWeekKey(new Date('2027-01-01T18:00:00Z'), TZ)).toBe('2026-W53'); // a Friday in ISO 2026's 53rd week
    expect(isoWeekKey(new Date('2025-12-29T18:00:00Z'), TZ)).toBe('2026-W01');
  });
});

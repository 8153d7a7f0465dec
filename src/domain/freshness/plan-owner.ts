import { freshnessOf, lastActivity, type ActivityFacts, type FreshnessSettings } from './freshness-rule';

/** A live presence as the weekly sweep sees it: its activity and the nudges it has had. */
export interface SweptPresence extends ActivityFacts {
  id: string;
  handle: string;
  platform: string;
  /** When each nudge was sent, any order. */
  nudgedAt: Date[];
  /** Already before the IT Director and not yet decided: it is neither nudged nor escalated again. */
  openEscalation: boolean;
  /** Already in this week's digest (a resumed sweep). */
  nudgedThisWeek: boolean;
}

export interface NudgeLine {
  presenceId: string;
  handle: string;
  platform: string;
  daysIdle: number;
  lastActivityAt: Date | null;
  /** Nudges before this one left unanswered. */
  unanswered: number;
}

export interface EscalationLine extends NudgeLine {
  reason: 'abandoned_days' | 'abandoned_nudges';
}

/**
 * FRESH-1, FRESH-2: what this week's sweep does for one owner's presences. A stale one goes in the owner's digest;
 * one that reasonably appears abandoned goes to the IT Director instead. A presence with no activity on record at
 * all (no go-live time) is left alone: it is not live.
 */
export function planOwner(presences: readonly SweptPresence[], now: Date, timeZone: string, s: FreshnessSettings): { nudge: NudgeLine[]; escalate: EscalationLine[] } {
  const nudge: NudgeLine[] = [];
  const escalate: EscalationLine[] = [];
  for (const p of presences) {
    const last = lastActivity(p);
    if (!last || p.openEscalation || p.nudgedThisWeek) continue;
    const unanswered = p.nudgedAt.filter((at) => at.getTime() > last.getTime()).length;
    const f = freshnessOf(last, unanswered, now, timeZone, s);
    const line = { presenceId: p.id, handle: p.handle, platform: p.platform, daysIdle: f.days, lastActivityAt: last, unanswered };
    if (f.kind === 'abandoned') escalate.push({ ...line, reason: f.why === 'days' ? 'abandoned_days' : 'abandoned_nudges' });
    else if (f.kind === 'stale') nudge.push(line);
  }
  return { nudge, escalate };
}

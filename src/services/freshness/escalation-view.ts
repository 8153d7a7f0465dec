import type { FreshnessEscalation } from '@prisma/client';
import { formatWhen } from '../../domain/when';
import { ownLabel } from '../../domain/own-keys';
import { APM_GROUND_LABELS, DIRECTOR_ACTION_LABELS } from '../../domain/freshness/director-rule';
import type { Db, Tx } from '../../store/prisma';
import type { FreshnessEscalationView } from '../presenters';
import { peoplePickerView, type PickerMode } from '../people/find-people';

export const ESCALATION_REASONS: Record<string, string> = {
  abandoned_days: 'No activity for 90 days or more: it reasonably appears abandoned',
  abandoned_nudges: 'Its owner left the weekly nudges unanswered',
  undeliverable: "Its owner's weekly nudge could not be delivered (they left or blocked the bot)",
};

/** FRESH-2: the IT Director's card for one escalation, with the evidence and, while open, the actions. */
export async function escalationViewFor(db: Db | Tx, e: FreshnessEscalation, timeZone: string, pickerMode: PickerMode, extra: { notice?: string; inputError?: string } = {}): Promise<FreshnessEscalationView> {
  const presence = await db.presence.findUniqueOrThrow({ where: { id: e.presenceId } });
  const [department, nudges, people] = await Promise.all([
    db.department.findUnique({ where: { id: presence.departmentId }, select: { name: true } }),
    db.freshnessNudge.findMany({ where: { presenceId: presence.id, sentAt: { lte: e.createdAt } }, orderBy: { sentAt: 'desc' }, take: 12, select: { sentAt: true, daysIdle: true } }),
    // The new owner is chosen as in a hand-over: Teams' people picker, or the bot's list with typeahead (issue 10).
    peoplePickerView(db, pickerMode, []),
  ]);
  const nameOf = async (id: string | null) => (id ? ((await db.person.findUnique({ where: { id }, select: { name: true } }))?.name ?? 'unknown') : 'unknown');
  return {
    escalationId: e.id,
    presenceId: presence.id,
    handle: presence.handle,
    platform: presence.platform,
    department: department?.name ?? presence.departmentId,
    owner: await nameOf(presence.ownerId),
    why: ownLabel(ESCALATION_REASONS, e.reason),
    lastActivity: e.lastActivityAt ? formatWhen(e.lastActivityAt, timeZone) : 'none on record',
    daysIdle: e.daysIdle,
    nudges: nudges.map((n) => `${formatWhen(n.sentAt, timeZone)} (${n.daysIdle} days without activity)`),
    decided: e.status === 'open' ? undefined : {
      action: ownLabel(DIRECTOR_ACTION_LABELS, e.action),
      ground: ownLabel(APM_GROUND_LABELS, e.ground),
      note: e.note ?? '',
      by: await nameOf(e.decidedById),
      at: e.decidedAt ? formatWhen(e.decidedAt, timeZone) : '',
      newOwner: e.newOwnerId ? await nameOf(e.newOwnerId) : undefined,
    },
    people,
    canSuspend: presence.state === 'active',
    ...extra,
  };
}

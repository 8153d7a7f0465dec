import type { Db } from '../../store/prisma';
import { SUBUNIT } from '../departments';
import { complianceOf, type PolicyStatus } from '../../domain/department-policy';
import { formatWhen } from '../../domain/when';

export interface ComplianceRow {
  department: string;
  state: string;
  flags: string[];
}

/** POL-3 rows for the given departments (all of them when none are named). */
export async function complianceRows(db: Db, timeZone: string, departmentIds?: string[]): Promise<Array<ComplianceRow & { departmentId: string; state_: string }>> {
  // POL-1: a board or commission (subunit) comes under its department's policy, so it has no row of its own.
  const where = { kind: { not: SUBUNIT }, ...(departmentIds ? { id: { in: departmentIds } } : {}) };
  const [departments, policies, presences, subunits] = await Promise.all([
    db.department.findMany({ where, orderBy: { name: 'asc' } }),
    db.departmentPolicy.findMany({ where: { number: { not: null }, ...(departmentIds ? { departmentId: { in: departmentIds } } : {}) }, orderBy: { number: 'desc' } }),
    db.presence.groupBy({ by: ['departmentId'], _max: { createdAt: true } }),
    db.department.findMany({ where: { kind: SUBUNIT }, select: { id: true, parentId: true } }),
  ]);
  // A subunit's presence counts for the department it sits under (its policy covers it).
  const parentOf = new Map(subunits.map((s) => [s.id, s.parentId ?? s.id]));
  const newestPresence = new Map<string, Date | undefined>();
  for (const p of presences) {
    const key = parentOf.get(p.departmentId) ?? p.departmentId;
    const at = p._max.createdAt ?? undefined;
    const seen = newestPresence.get(key);
    if (at && (!seen || at > seen)) newestPresence.set(key, at);
  }
  return departments.map((d) => {
    const mine = policies.filter((p) => p.departmentId === d.id);
    const latest = mine[0];
    const current = mine.find((p) => p.status === 'acknowledged');
    const c = complianceOf({
      latestStatus: latest?.status as PolicyStatus | undefined,
      current: current ? { number: current.number!, acknowledgedAt: current.decidedAt!, filedAt: current.filedAt! } : undefined,
      latestPresenceAt: newestPresence.get(d.id),
      firstFiledAt: mine.at(-1)?.filedAt ?? undefined,
    });
    const state =
      c.state === 'never_filed'
        ? 'Never filed'
        : c.state === 'awaiting'
          ? `Version ${latest!.number} filed ${formatWhen(latest!.filedAt!, timeZone)}, waiting for the Mayor's Office`
          : c.state === 'returned'
            ? `Version ${latest!.number} returned for revision`
            : `Version ${current!.number} acknowledged ${formatWhen(current!.decidedAt!, timeZone)}`;
    const flags = [
      c.state !== 'acknowledged' && current ? `In force meanwhile: version ${current.number}` : '',
      c.outOfDate ? 'Out of date: predates the newest presence' : '',
      c.state !== 'never_filed' && c.late ? 'First filed after the January 1, 2013 deadline' : '',
    ].filter(Boolean);
    return { department: d.name, departmentId: d.id, state, flags, state_: c.state };
  });
}

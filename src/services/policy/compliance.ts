import type { Db } from '../../store/prisma';
import { complianceOf, type PolicyStatus } from '../../domain/department-policy';
import { formatWhen } from '../../domain/when';

export interface ComplianceRow {
  department: string;
  state: string;
  flags: string[];
}

/** POL-3 rows for the given departments (all of them when none are named). */
export async function complianceRows(db: Db, timeZone: string, departmentIds?: string[]): Promise<Array<ComplianceRow & { departmentId: string; state_: string }>> {
  const where = departmentIds ? { id: { in: departmentIds } } : {};
  const [departments, policies, presences] = await Promise.all([
    db.department.findMany({ where, orderBy: { name: 'asc' } }),
    db.departmentPolicy.findMany({ where: { number: { not: null }, ...(departmentIds ? { departmentId: { in: departmentIds } } : {}) }, orderBy: { number: 'desc' } }),
    db.presence.groupBy({ by: ['departmentId'], _max: { createdAt: true } }),
  ]);
  const newestPresence = new Map(presences.map((p) => [p.departmentId, p._max.createdAt ?? undefined]));
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

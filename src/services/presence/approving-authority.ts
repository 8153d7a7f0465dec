import type { Role, RoleHolding } from '../../domain/roles';
import { AUTHORITY_ROLES, checkApprover, holdsAuthority } from '../../domain/approving-authority';
import type { DraftAnswers } from '../../domain/presence-answers';
import type { Result } from '../../domain/result';
import type { Db, Tx } from '../../store/prisma';

/** A department and the department it belongs to: the head of either is an approving authority for it (REQ-6). */
async function departmentChain(db: Db | Tx, departmentId: string | undefined) {
  const dept = departmentId ? await db.department.findUnique({ where: { id: departmentId } }) : null;
  return { ids: dept ? [dept.id, ...(dept.parentId ? [dept.parentId] : [])] : [], name: dept?.name ?? 'this department' };
}

async function holdingsOf(db: Db | Tx, personId: string): Promise<RoleHolding[]> {
  const grants = await db.roleGrant.findMany({ where: { personId, revokedAt: null } });
  return grants.map((g) => ({ role: g.role as Role, ...(g.departmentId ? { departmentId: g.departmentId } : {}) }));
}

/** REQ-6 on submit: the approver the request names must be its department's approving authority, never the requester. */
export async function approverVerdict(db: Db | Tx, requesterId: string, draft: DraftAnswers): Promise<Result> {
  const chain = await departmentChain(db, draft.departmentId);
  const approver = draft.approverId ? await db.person.findUnique({ where: { id: draft.approverId } }) : null;
  const eligible = await db.roleGrant.findMany({
    where: { role: { in: [...AUTHORITY_ROLES] }, departmentId: { in: chain.ids }, revokedAt: null, personId: { not: requesterId } },
    include: { person: true },
    orderBy: { grantedAt: 'asc' },
  });
  return checkApprover({
    requesterId,
    approverId: approver?.id ?? draft.approverId,
    approverName: approver?.name,
    departmentIds: chain.ids,
    departmentName: chain.name,
    approverHoldings: approver ? await holdingsOf(db, approver.id) : [],
    eligibleNames: [...new Set(eligible.map((g) => g.person.name))],
  });
}

/** Whether the named approver still holds the authority when they click (a revoked role decides nothing). */
export async function stillAuthority(db: Db | Tx, approverId: string | undefined, departmentId: string | undefined): Promise<boolean> {
  if (!approverId) return false;
  const chain = await departmentChain(db, departmentId);
  return holdsAuthority(await holdingsOf(db, approverId), chain.ids);
}

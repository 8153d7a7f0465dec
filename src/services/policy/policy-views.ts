import type { DepartmentPolicy } from '@prisma/client';
import { z } from 'zod';
import type { Db, Tx } from '../../store/prisma';
import { ZPolicyDraft, changedPoints, POLICY_POINTS, type PolicyDraft } from '../../domain/policy-points';
import { POLICY_STATUS_LABELS, type PolicyStatus } from '../../domain/department-policy';
import { PLATFORM_LABELS } from '../../domain/presence-answers';
import { formatWhen } from '../../domain/when';
import { ownLabel } from '../../domain/own-keys';
import type { PolicyReviewView } from '../presenters';

/** Points 2 and 5 as Social Steward's records have them. */
export interface RegistryFacts {
  approvers: string[];
  spokespersons: string[];
  presences: Array<{ handle: string; platform: string; owner: string; state: string }>;
}

export function policyDraftOf(json: string): PolicyDraft {
  return ZPolicyDraft.parse(JSON.parse(json));
}

/** The people a presence's approved record names (REG-1): its approving authority and its spokespersons. */
function namedIn(record: string): { approverIds: string[]; spokespersonIds: string[] } {
  const r = ZNamed.safeParse(JSON.parse(record));
  const d = r.success ? r.data : {};
  return { approverIds: d.approverId ? [d.approverId] : [], spokespersonIds: (d.spokespersonIds ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
}
const ZNamed = z.looseObject({ approverId: z.string().optional(), spokespersonIds: z.string().optional() });

/**
 * Points 2 and 5 come from Social Steward's own records rather than being retyped (POL-1): the people holding the
 * roles, and the people the department's approved presences name (issue 10: an approved request's spokespersons were
 * missing here when nobody held the role).
 */
export async function registryFactsFor(db: Db | Tx, departmentId: string): Promise<RegistryFacts> {
  const [grants, presences] = await Promise.all([
    db.roleGrant.findMany({ where: { departmentId, role: { in: ['department_head', 'dept_approver', 'spokesperson'] }, revokedAt: null }, include: { person: true }, orderBy: { grantedAt: 'asc' } }),
    db.presence.findMany({ where: { departmentId, state: { not: 'retired' } }, orderBy: { createdAt: 'asc' } }),
  ]);
  const named = presences.map((p) => namedIn(p.record));
  const ids = [...presences.map((p) => p.ownerId), ...named.flatMap((n) => [...n.approverIds, ...n.spokespersonIds])];
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p.name]));
  const owners = people;
  const names = (fromRoles: string[], fromRecords: string[]) => [...new Set([...fromRoles, ...fromRecords.map((id) => people.get(id)).filter((n): n is string => Boolean(n))])];
  return {
    approvers: names(grants.filter((g) => g.role !== 'spokesperson').map((g) => g.person.name), named.flatMap((n) => n.approverIds)),
    spokespersons: names(grants.filter((g) => g.role === 'spokesperson').map((g) => g.person.name), named.flatMap((n) => n.spokespersonIds)),
    presences: presences.map((p) => ({ handle: p.handle, platform: ownLabel(PLATFORM_LABELS, p.platform), owner: owners.get(p.ownerId) ?? 'unknown', state: p.state.replace(/_/g, ' ') })),
  };
}

const FIELD_LABEL = (f: string) => {
  const p = POLICY_POINTS.find((x) => x.id === f);
  return p ? `Point ${p.n}, ${p.title}` : 'Personal use while on duty';
};

/** What changed against the department's previous filed version, point by point. */
export async function changesSincePrevious(db: Db | Tx, policy: DepartmentPolicy): Promise<string[] | undefined> {
  if (!policy.number || policy.number < 2) return undefined;
  const prev = await db.departmentPolicy.findUnique({ where: { departmentId_number: { departmentId: policy.departmentId, number: policy.number - 1 } } });
  if (!prev) return undefined;
  const changes = changedPoints(policyDraftOf(prev.answers), policyDraftOf(policy.answers)).map((c) => `${FIELD_LABEL(c.field)}: changed`);
  return changes.length ? changes : ['Nothing changed in the text'];
}

const MAYORS_CHECKS = [
  'Every one of the twelve points says how this department does it, not only that it will.',
  "Points 2 and 5 match the department's presences and people in the registry.",
  'The personal-use rule is no looser than APM 3-9.',
];

/** The Mayor's Office card (also the IT Director's copy) as view data: pending with buttons, or decided with who, when and why. */
export async function policyReviewViewFor(db: Db | Tx, policy: DepartmentPolicy, timeZone: string, extra: { notice?: string; commentsError?: string; forIt?: boolean } = {}): Promise<PolicyReviewView> {
  const [dept, filer, decider] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { id: policy.departmentId } }),
    db.person.findUnique({ where: { id: policy.filerId } }),
    policy.deciderId ? db.person.findUnique({ where: { id: policy.deciderId } }) : null,
  ]);
  const status = policy.status as PolicyStatus;
  const decided = status === 'acknowledged' || status === 'returned';
  const statusLine = decided
    ? `${status === 'acknowledged' ? 'Acknowledged' : 'Returned'} by ${decider?.name ?? 'unknown'} on ${formatWhen(policy.decidedAt!, timeZone)}${policy.comments ? `. Comments: ${policy.comments}` : ''}`
    : ownLabel(POLICY_STATUS_LABELS, status);
  return {
    policyId: policy.id,
    departmentName: dept.name,
    heading: `${extra.forIt ? 'Copy for the IT Director: ' : ''}${dept.name} social media policy, version ${policy.number}`,
    statusLine,
    statusColor: status === 'acknowledged' ? 'good' : status === 'returned' ? 'attention' : 'accent',
    draft: policyDraftOf(policy.answers),
    meta: [['Department', dept.name], ['Filed by', filer?.name], ['Filed on', policy.filedAt ? formatWhen(policy.filedAt, timeZone) : undefined]],
    checks: decided || extra.forIt ? undefined : MAYORS_CHECKS,
    changes: await changesSincePrevious(db, policy),
    notice: extra.notice,
    decidable: !decided && !extra.forIt,
    commentsError: extra.commentsError,
  };
}

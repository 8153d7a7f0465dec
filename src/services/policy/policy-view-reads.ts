import type { Actor } from '../../domain/roles';
import { departmentChoices } from '../departments';
import { departmentsWhere, hasRole } from '../../domain/roles';
import { POLICY_STATUS_LABELS } from '../../domain/department-policy';
import { ownLabel } from '../../domain/own-keys';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import { signDocumentPath } from '../../records/document-links';
import { mayGetPolicyDocument } from '../../domain/policy-document-access';
import { policyDocumentPath } from '../../server/document-route';
import type { Services } from '../context';
import { complianceRows, type ComplianceRow } from './compliance';
import { changesSincePrevious, policyDraftOf } from './policy-views';
import type { DepartmentPickerView, PolicyDocData } from './policy-reads';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';

type Svc = Pick<Services, 'db' | 'config' | 'publicUrl'>;
const SEES_ALL = ['mayors_office', 'it_reviewer', 'it_director', 'admin'] as const;

/** Who `policy status` answers (the help card offers it to them only): oversight, and department heads or delegates. */
export const mayReadCompliance = (actor: Actor) => SEES_ALL.some((r) => hasRole(actor, r)) || departmentsWhere(actor, 'department_head', 'policy_delegate').length > 0;

/** Every department, for "view policy" (POL-2: anyone reads a department's current policy). */
export async function viewPolicyPicker(svc: Pick<Services, 'db'>, error?: string): Promise<DepartmentPickerView> {
  // POL-1: departments and divisions file policies; their boards and commissions (subunits) come under them.
  const departments = await departmentChoices(svc.db, { subunits: false });
  return { heading: 'View a department policy', prompt: 'Whose policy do you want to read?', verb: 'policy.view', departments, error };
}

/** A filed version: public, with the document link for the department's head or policy delegate only (POL-1). */
export async function policyVersion(svc: Svc, actor: Actor, policyId: string): Promise<PolicyDocData> {
  const { db, config } = svc;
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  if (!policy?.number) throw new AppError('NOT_FOUND', 'That policy version does not exist.');
  const dept = await db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  const [filer, decider] = await Promise.all([db.person.findUnique({ where: { id: policy.filerId } }), policy.deciderId ? db.person.findUnique({ where: { id: policy.deciderId } }) : null]);
  return {
    policyId,
    departmentId: dept.id,
    departmentName: dept.name,
    heading: `${dept.name} social media policy, version ${policy.number}`,
    statusLine: ownLabel(POLICY_STATUS_LABELS, policy.status),
    statusColor: policy.status === 'acknowledged' ? 'good' : policy.status === 'returned' ? 'warning' : 'default',
    draft: policyDraftOf(policy.answers),
    meta: [
      ['Filed by', filer?.name],
      ['Filed on', policy.filedAt ? formatWhen(policy.filedAt, config.timeZone) : undefined],
      ['Decided by', decider?.name],
      ['Decided on', policy.decidedAt ? formatWhen(policy.decidedAt, config.timeZone) : undefined],
      ['Comments', policy.comments ?? undefined],
    ],
    changes: await changesSincePrevious(db, policy),
    reviewable: policy.status === 'filed' && hasRole(actor, 'mayors_office'),
    documentUrl: mayGetPolicyDocument(actor, policy) && config.credentialKey ? await issueDocumentLink(svc, actor, policy.id, config.credentialKey) : undefined,
  };
}

export async function currentPolicy(svc: Svc, actor: Actor, departmentId: string): Promise<PolicyDocData> {
  // The version in force; failing that, one still waiting for the Mayor's Office (POL-2: every filed version is public).
  const current =
    (await svc.db.departmentPolicy.findFirst({ where: { departmentId, status: 'acknowledged' }, orderBy: { number: 'desc' } })) ??
    (await svc.db.departmentPolicy.findFirst({ where: { departmentId, status: 'filed' }, orderBy: { number: 'desc' } }));
  if (!current) throw new AppError('NOT_FOUND', "That department has no filed policy yet. \"policy status\" shows where each department stands.");
  return policyVersion(svc, actor, current.id);
}

export interface VersionsView {
  departmentName: string;
  rows: Array<{ policyId: string; number: number; status: string; filed: string }>;
}

export async function policyVersions(svc: Pick<Services, 'db' | 'config'>, departmentId: string): Promise<VersionsView> {
  const dept = await svc.db.department.findUnique({ where: { id: departmentId } });
  if (!dept) throw new AppError('NOT_FOUND', 'That department is not in the City list.');
  const versions = await svc.db.departmentPolicy.findMany({ where: { departmentId: dept.id, number: { not: null } }, orderBy: { number: 'desc' } });
  return { departmentName: dept.name, rows: versions.map((v) => ({ policyId: v.id, number: v.number!, status: ownLabel(POLICY_STATUS_LABELS, v.status), filed: formatWhen(v.filedAt!, svc.config.timeZone) })) };
}

export type ComplianceView = { rows: ComplianceRow[]; scope: 'all'; counts: string; toDecide: number } | { rows: ComplianceRow[]; scope: 'own'; needsWork: boolean };

/** POL-3: oversight sees every department; a department head or delegate sees their own. */
export async function policyCompliance(svc: Pick<Services, 'db' | 'config'>, actor: Actor): Promise<ComplianceView> {
  const { db, config } = svc;
  if (SEES_ALL.some((r) => hasRole(actor, r))) {
    const rows = await complianceRows(db, config.timeZone);
    const done = rows.filter((r) => r.state_ === 'acknowledged').length;
    // The Mayor's Office decides the versions waiting: the card offers the way to them (issue 10).
    const toDecide = hasRole(actor, 'mayors_office') ? rows.filter((r) => r.state_ === 'awaiting').length : 0;
    return { rows, scope: 'all', counts: `${done} of ${rows.length} departments have an acknowledged policy.${toDecide ? ` ${toDecide} waiting for your decision.` : ''}`, toDecide };
  }
  const own = departmentsWhere(actor, 'department_head', 'policy_delegate');
  if (!own.length) throw new AppError('NOT_AUTHORIZED', "Policy status is for department heads, the Mayor's Office and IT. Type \"view policy\" to read a department's policy.");
  const rows = await complianceRows(db, config.timeZone, own);
  return { rows, scope: 'own', needsWork: rows.some((r) => r.state_ !== 'acknowledged' && r.state_ !== 'awaiting') };
}

/** REC-1: every signed document link issued is on record: who got it, for which version. */
async function issueDocumentLink(svc: Svc, actor: Actor, policyId: string, key: string): Promise<string> {
  const url = `${svc.publicUrl()}${signDocumentPath(key, policyDocumentPath(policyId), actor.personId, new Date())}`;
  await svc.db.$transaction((tx) => appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.document_link_issued', entityType: 'department_policy', entityId: policyId, data: {} }), TX_OPTIONS);
  return url;
}

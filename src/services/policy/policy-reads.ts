import type { DepartmentPolicy } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { departmentsWhere } from '../../domain/roles';
import { canFile, POLICY_STATUS_LABELS } from '../../domain/department-policy';
import { ownLabel } from '../../domain/own-keys';
import { POLICY_STEP_COUNT, type PolicyDraft } from '../../domain/policy-points';
import { AppError, refusedWith } from '../../errors/app-error';
import type { FieldErrors } from '../../verbs/parse';
import type { Verb } from '../../verbs';
import type { Services } from '../context';
import type { DoneView } from '../done-view';
import type { Tone } from '../presenters';
import { policyDraftOf, registryFactsFor, type RegistryFacts } from './policy-views';
import { openPolicyDraft } from './save-policy-step';

export interface PolicyStepView {
  policyId: string;
  departmentName: string;
  step: number;
  draft: PolicyDraft;
  errors?: FieldErrors;
  registry: RegistryFacts;
  saved?: boolean;
  returnedComments?: string;
}

/** A policy as a document; the dialog adds the buttons that fit the screen. */
export interface PolicyDocData {
  policyId: string;
  departmentId: string;
  departmentName: string;
  heading: string;
  statusLine: string;
  statusColor?: Tone;
  draft: PolicyDraft;
  meta: Array<[string, string | undefined]>;
  editable?: boolean;
  problem?: string;
  changes?: string[];
  /** Filed and waiting, shown to the Mayor's Office: the card offers the decision card. */
  reviewable?: boolean;
  /** A signed link to the printable document, for its filer and head only. */
  documentUrl?: string;
}

export interface DepartmentPickerView {
  heading: string;
  prompt: string;
  verb: Verb;
  departments: Array<{ id: string; name: string }>;
  error?: string;
}

export type PolicyScreen =
  | { screen: 'picker'; view: DepartmentPickerView }
  | { screen: 'step'; view: PolicyStepView }
  | { screen: 'summary'; view: PolicyDocData }
  | { screen: 'filed'; view: PolicyDocData }
  | { screen: 'done'; view: DoneView };

type Svc = Pick<Services, 'db' | 'config'>;

/** POL-1: an unfiled draft is read only by those who may file for its department (never by id alone). */
export async function loadDraftFor(db: Svc['db'], actor: Actor, policyId: string): Promise<DepartmentPolicy> {
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  if (!policy) throw new AppError('NOT_FOUND', 'That policy draft no longer exists. Type "file our policy" to start again.');
  const allowed = canFile(actor, policy.departmentId);
  if (allowed.refused) refusedWith(allowed);
  return policy;
}

export async function policyStep(svc: Svc, actor: Actor, policyId: string, step: number, extra: { draft?: PolicyDraft; errors?: FieldErrors; saved?: boolean } = {}): Promise<PolicyScreen> {
  const { db } = svc;
  const policy = await loadDraftFor(db, actor, policyId);
  const [dept, registry, lastReturned] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { id: policy.departmentId } }),
    registryFactsFor(db, policy.departmentId),
    db.departmentPolicy.findFirst({ where: { departmentId: policy.departmentId, number: { not: null } }, orderBy: { number: 'desc' } }),
  ]);
  const returnedComments = lastReturned?.status === 'returned' ? lastReturned.comments ?? undefined : undefined;
  return { screen: 'step', view: { policyId, departmentName: dept.name, step, draft: extra.draft ?? policyDraftOf(policy.answers), registry, returnedComments, errors: extra.errors, saved: extra.saved } };
}

/** The filer's summary: the whole policy with Edit per point, and File. */
export async function policySummary(svc: Svc, actor: Actor, policyId: string, problem?: string): Promise<PolicyScreen> {
  const policy = await loadDraftFor(svc.db, actor, policyId);
  const dept = await svc.db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  return {
    screen: 'summary',
    view: {
      policyId,
      departmentId: dept.id,
      departmentName: dept.name,
      heading: `Social media policy: ${dept.name}`,
      statusLine: problem ? 'Not ready to file yet' : "Read it through, then file it with the Mayor's Office (a copy goes to the IT Director). Your draft is saved: you can leave and come back with \"file our policy\".",
      statusColor: problem ? 'attention' : 'default',
      draft: policyDraftOf(policy.answers),
      meta: [['Department', dept.name]],
      editable: true,
      problem,
    },
  };
}

/** "File our policy": the department picker, then the draft where it was left (a new one if none). */
export async function startPolicy(svc: Svc, actor: Actor, departmentId?: string): Promise<PolicyScreen> {
  const mine = departmentsWhere(actor, 'department_head', 'policy_delegate');
  const chosen = departmentId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!chosen) {
    if (!mine.length) throw new AppError('NOT_AUTHORIZED', "Only a department head, or their policy delegate, files the department's policy. Ask an admin for the role.");
    const departments = await svc.db.department.findMany({ where: { id: { in: mine } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
    return { screen: 'picker', view: { heading: 'File a social media policy', prompt: 'Which department is this policy for?', verb: 'policy.start', departments } };
  }
  const draft = await openPolicyDraft(svc, actor, chosen);
  if (draft.step > POLICY_STEP_COUNT) return policySummary(svc, actor, draft.id);
  return policyStep(svc, actor, draft.id, draft.step);
}

/** Edit a point from the summary: only while the draft is unfiled, and only by someone who may file it. */
export async function editPolicyStep(svc: Svc, actor: Actor, policyId: string, step: number): Promise<PolicyScreen> {
  const policy = await loadDraftFor(svc.db, actor, policyId);
  if (policy.status !== 'draft') return filedPolicy(svc, actor, policy.id, 'This version was already filed, so it cannot be edited; your click did not change anything. Type "file our policy" to work on a new one.');
  return policyStep(svc, actor, policy.id, step);
}

/** A filed version for its filer, as it stands; `why` says why a click on an old card did nothing. */
export async function filedPolicy(svc: Svc, actor: Actor, policyId: string, why?: string): Promise<PolicyScreen> {
  const policy = await loadDraftFor(svc.db, actor, policyId);
  const dept = await svc.db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  return {
    screen: 'filed',
    view: {
      policyId,
      departmentId: dept.id,
      departmentName: dept.name,
      heading: `${dept.name} social media policy, version ${policy.number}`,
      statusLine: policy.status === 'filed' ? "Filed: waiting for the Mayor's Office. A copy went to the IT Director; you will be told when it is acknowledged or returned." : ownLabel(POLICY_STATUS_LABELS, policy.status),
      statusColor: 'good',
      problem: why,
      draft: policyDraftOf(policy.answers),
      meta: [['Version', String(policy.number)]],
    },
  };
}

import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { AppError } from '../../src/errors/app-error';
import { departmentsWhere, hasRole } from '../../src/domain/roles';
import { POLICY_STEP_COUNT, type PolicyDraft } from '../../src/domain/policy-points';
import { openPolicyDraft, savePolicyStep } from '../../src/services/policy/save-policy-step';
import { filePolicy } from '../../src/services/policy/file-policy';
import { decidePolicy } from '../../src/services/policy/decide-policy';
import { policyDraftOf, registryFactsFor } from '../../src/services/policy/policy-views';
import { execute } from '../../cards/common/elements';
import { parseCard } from '../../cards/common/parse';
import { ZPolicyDecision, ZPolicyRef, ZPolicyStart, ZPolicyStep } from '../../cards/department-policy/actions';
import { policyStepCard } from '../../cards/department-policy/policy-step-card';
import { policyDocumentCard } from '../../cards/department-policy/policy-document-card';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';


async function stepView(turn: Turn, policyId: string, step: number, draft: PolicyDraft, extra: { errors?: Record<string, string>; saved?: boolean } = {}) {
  const { db } = turn.services;
  const policy = await db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } });
  const [dept, registry, lastReturned] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { id: policy.departmentId } }),
    registryFactsFor(db, policy.departmentId),
    db.departmentPolicy.findFirst({ where: { departmentId: policy.departmentId, number: { not: null } }, orderBy: { number: 'desc' } }),
  ]);
  return policyStepCard({ policyId, departmentName: dept.name, step, draft, registry, returnedComments: lastReturned?.status === 'returned' ? lastReturned.comments ?? undefined : undefined, ...extra });
}

/** The filer's summary: the whole policy with Edit per point, and File. */
async function summaryView(turn: Turn, policyId: string, problem?: string) {
  const { db } = turn.services;
  const policy = await db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } });
  const dept = await db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  return policyDocumentCard({
    policyId,
    departmentName: dept.name,
    heading: `Social media policy: ${dept.name}`,
    statusLine: problem ? 'Not ready to file yet' : "Read it through, then file it with the Mayor's Office (a copy goes to the IT Director). Your draft is saved: you can leave and come back with \"file our policy\".",
    statusColor: problem ? 'attention' : 'default',
    draft: policyDraftOf(policy.answers),
    meta: [['Department', dept.name]],
    editable: true,
    problem,
    actions: [execute("File with the Mayor's Office", { verb: 'policy.file', policyId }, 'positive')],
  });
}

async function start(turn: Turn, departmentId?: string) {
  const mine = departmentsWhere(turn.actor, 'department_head', 'policy_delegate');
  const chosen = departmentId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!chosen) {
    if (!mine.length) throw new AppError('NOT_AUTHORIZED', "Only a department head, or their policy delegate, files the department's policy. Ask an admin for the role.");
    const depts = await turn.services.db.department.findMany({ where: { id: { in: mine } }, orderBy: { name: 'asc' } });
    return departmentPickerCard({ heading: 'File a social media policy', prompt: 'Which department is this policy for?', verb: 'policy.start', departments: depts });
  }
  const draft = await openPolicyDraft(turn.services, turn.actor, chosen);
  if (draft.step > POLICY_STEP_COUNT) return summaryView(turn, draft.id);
  return stepView(turn, draft.id, draft.step, policyDraftOf(draft.answers));
}

/** POL-1/POL-2: file the twelve points through short cards; the Mayor's Office decides on the channel card. */
export function registerFiling(router: Router): void {
  router.entry(
    { title: 'File our policy', description: "Write or revise your department's social media policy, point by point, and file it with the Mayor's Office.", verb: 'policy.file.start', command: 'file our policy', visible: (actor, where) => where.kind === 'personal' && (hasRole(actor, 'department_head') || hasRole(actor, 'policy_delegate')) },
    (turn) => start(turn),
  );
  router.verb('policy.start', async (turn, data) => {
    const p = parseCard(ZPolicyStart, data);
    return start(turn, p.ok ? p.value.departmentId : undefined);
  });
  router.verb('policy.step', async (turn, data) => {
    const p = ZPolicyStep.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card is incomplete. Type "file our policy" to continue.');
    const { policyId, step, nav, ...values } = p.data;
    const out = await savePolicyStep(turn.services, turn.actor, { policyId, step, nav, values });
    if (out.errors) return stepView(turn, policyId, step, out.draft, { errors: out.errors });
    if (out.step > POLICY_STEP_COUNT) return summaryView(turn, policyId);
    return stepView(turn, policyId, out.step, out.draft, { saved: nav === 'save' });
  });
  router.verb('policy.edit', async (turn, data) => {
    const p = ZPolicyRef.safeParse(data);
    if (!p.success || !p.data.step) throw new AppError('INVALID_INPUT', 'This card does not name a policy step.');
    const policy = await turn.services.db.departmentPolicy.findUnique({ where: { id: p.data.policyId } });
    if (!policy || policy.status !== 'draft') throw new AppError('STALE_CARD', 'This version was already filed. Type "file our policy" to work on a new one.');
    return stepView(turn, policy.id, p.data.step, policyDraftOf(policy.answers));
  });
  router.verb('policy.file', async (turn, data) => {
    const p = ZPolicyRef.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a policy.');
    const out = await filePolicy(turn.services, turn.actor, p.data.policyId);
    if (!out.filed) {
      const list = out.missing.length ? `Points ${out.missing.join(', ')} still need work` : 'The personal-use rule still needs an answer';
      return summaryView(turn, p.data.policyId, `It cannot be filed yet. ${list}: each of the twelve points must be addressed.`);
    }
    return policyDocumentCard({ ...(await filedView(turn, p.data.policyId, out.number)) });
  });
  router.verb('policy.decide', async (turn, data) => {
    const p = parseCard(ZPolicyDecision, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', p.errors.comments ?? 'This card does not name a policy.');
    return decidePolicy(turn.services, turn.actor, p.value);
  });
}

async function filedView(turn: Turn, policyId: string, number: number) {
  const { db } = turn.services;
  const policy = await db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } });
  const dept = await db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  return {
    policyId,
    departmentName: dept.name,
    heading: `${dept.name} social media policy, version ${number}`,
    statusLine: "Filed: waiting for the Mayor's Office. A copy went to the IT Director; you will be told when it is acknowledged or returned.",
    statusColor: 'good' as const,
    draft: policyDraftOf(policy.answers),
    meta: [['Version', String(number)]] as Array<[string, string]>,
    actions: [execute('Policy status', { verb: 'policy.status' })],
  };
}

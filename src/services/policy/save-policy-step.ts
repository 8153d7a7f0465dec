import type { Actor } from '../../domain/roles';
import { canFile } from '../../domain/department-policy';
import { POLICY_STEPS, POLICY_STEP_COUNT, policyProblems, type PolicyDraft } from '../../domain/policy-points';
import { AppError, refusedWith } from '../../errors/app-error';
import { nextStep } from '../../domain/guided-steps';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { policyDraftOf } from './policy-views';
import { policyStep, policySummary, type PolicyScreen } from './policy-reads';

/**
 * Opens the department's draft: the one in progress, or a new one, prefilled from the latest filed version so a
 * revision starts from what was filed (POL-2). One draft per department at a time.
 */
export async function openPolicyDraft({ db }: Pick<Services, 'db'>, actor: Actor, departmentId: string) {
  const allowed = canFile(actor, departmentId);
  if (allowed.refused) refusedWith(allowed);
  return db.$transaction(async (tx) => {
    const draft = await tx.departmentPolicy.findFirst({ where: { departmentId, status: 'draft' } });
    if (draft) return draft;
    const latest = await tx.departmentPolicy.findFirst({ where: { departmentId, number: { not: null } }, orderBy: { number: 'desc' } });
    const created = await tx.departmentPolicy.create({ data: { departmentId, filerId: actor.personId, status: 'draft', answers: latest?.answers ?? '{}' } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.draft_started', entityType: 'department_policy', entityId: created.id, data: { departmentId, from: latest ? { number: latest.number, status: latest.status } : null } });
    return created;
  }, TX_OPTIONS);
}

/** Saves a step's text whatever it is (nothing typed is lost); Next moves on only when the step's points are addressed. */
export async function savePolicyStep(svc: Pick<Services, 'db' | 'config'>, actor: Actor, input: { policyId: string; step: number; nav: 'next' | 'back' | 'save'; values: Record<string, unknown> }): Promise<PolicyScreen> {
  const out = await svc.db.$transaction(async (tx) => {
    const policy = await tx.departmentPolicy.findUnique({ where: { id: input.policyId } });
    if (!policy) throw new AppError('NOT_FOUND', 'That policy draft no longer exists. Type "file our policy" to start again.');
    const allowed = canFile(actor, policy.departmentId);
    if (allowed.refused) refusedWith(allowed);
    if (policy.status !== 'draft') throw new AppError('STALE_CARD', 'This version has already been filed. Type "file our policy" to work on a new one.');
    const draft: PolicyDraft = policyDraftOf(policy.answers);
    const fields = POLICY_STEPS[input.step - 1];
    const changed: string[] = [];
    for (const f of fields) {
      const v = input.values[f];
      const next = typeof v === 'string' && v.trim() ? v : undefined;
      if (next === draft[f]) continue;
      changed.push(f);
      if (next === undefined) delete draft[f];
      else draft[f] = next;
    }
    const errors = input.nav === 'next' ? policyProblems(draft, fields) : {};
    const ok = Object.keys(errors).length === 0;
    const step = nextStep(input.nav, input.step, ok, POLICY_STEP_COUNT);
    await tx.departmentPolicy.update({ where: { id: policy.id }, data: { answers: JSON.stringify(draft), step, version: { increment: 1 } } });
    // One audit rule for every guided flow: a save that changed something is recorded, with the fields it changed.
    if (changed.length) await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.draft_saved', entityType: 'department_policy', entityId: policy.id, data: { step: input.step, fields: changed } });
    return { draft, step, errors: ok ? undefined : errors };
  }, TX_OPTIONS);
  if (out.errors) return policyStep(svc, actor, input.policyId, input.step, { draft: out.draft, errors: out.errors });
  if (out.step > POLICY_STEP_COUNT) return policySummary(svc, actor, input.policyId);
  return policyStep(svc, actor, input.policyId, out.step, { draft: out.draft, saved: input.nav === 'save' });
}

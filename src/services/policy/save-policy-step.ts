import type { Actor } from '../../domain/roles';
import { canFile } from '../../domain/department-policy';
import { refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { filedPolicy, policyStep, policySummary, type PolicyScreen } from './policy-reads';
import { saveStepAndShow, type FlowScreens, type Nav } from '../engines/guided-flow';
import { policyFlow } from './policy-flow';

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

/** Saves a step's text whatever it is (nothing typed is lost) through the guided-flow engine; Next moves on only when the step's points are addressed. */
export function savePolicyStep(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, input: { policyId: string; step: number; nav: Nav; values: Record<string, unknown> }): Promise<PolicyScreen> {
  const screens: FlowScreens<PolicyScreen> = {
    step: (id, step, extra) => policyStep(svc, actor, id, step, extra),
    summary: (id) => policySummary(svc, actor, id),
    asItStands: (id, why) => filedPolicy(svc, actor, id, why),
  };
  return saveStepAndShow(policyFlow, screens, svc, actor, { id: input.policyId, step: input.step, nav: input.nav, values: input.values });
}

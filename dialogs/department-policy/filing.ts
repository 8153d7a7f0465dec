import type { Router } from '../../src/teams/router';
import { AppError } from '../../src/errors/app-error';
import { hasRole } from '../../src/domain/roles';
import { savePolicyStep } from '../../src/services/policy/save-policy-step';
import { filePolicy } from '../../src/services/policy/file-policy';
import { decidePolicy } from '../../src/services/policy/decide-policy';
import { editPolicyStep, startPolicy } from '../../src/services/policy/policy-reads';
import { parseCard } from '../../src/verbs/parse';
import { ZPolicyDecision, ZPolicyRef, ZPolicyStart, ZPolicyStep } from '../../src/verbs/department-policy';
import { policyReviewCard } from '../../cards/presenters';
import { renderPolicy } from './render';

/** POL-1/POL-2: file the twelve points through short cards; the Mayor's Office decides on the channel card. */
export function registerFiling(router: Router): void {
  router.entry(
    { title: 'File our policy', description: "Write or revise your department's social media policy, point by point, and file it with the Mayor's Office.", verb: 'policy.file.start', command: 'file our policy', visible: (actor, where) => where.kind === 'personal' && (hasRole(actor, 'department_head') || hasRole(actor, 'policy_delegate')) },
    async (turn) => renderPolicy(await startPolicy(turn.services, turn.actor)),
  );
  router.verb('policy.start', async (turn, data) => {
    const p = parseCard(ZPolicyStart, data);
    return renderPolicy(await startPolicy(turn.services, turn.actor, p.ok ? p.value.departmentId : undefined));
  });
  router.verb('policy.step', async (turn, data) => {
    const p = ZPolicyStep.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card is incomplete. Type "file our policy" to continue.');
    const { policyId, step, nav, ...values } = p.data;
    return renderPolicy(await savePolicyStep(turn.services, turn.actor, { policyId, step, nav, values }));
  });
  router.verb('policy.edit', async (turn, data) => {
    const p = ZPolicyRef.safeParse(data);
    if (!p.success || !p.data.step) throw new AppError('INVALID_INPUT', 'This card does not name a policy step.');
    return renderPolicy(await editPolicyStep(turn.services, turn.actor, p.data.policyId, p.data.step));
  });
  router.verb('policy.file', async (turn, data) => {
    const p = ZPolicyRef.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a policy.');
    return renderPolicy(await filePolicy(turn.services, turn.actor, p.data.policyId));
  });
  router.verb('policy.decide', async (turn, data) => {
    const p = parseCard(ZPolicyDecision, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', p.errors.comments ?? 'This card does not name a policy.');
    return policyReviewCard(await decidePolicy(turn.services, turn.actor, p.value));
  });
}

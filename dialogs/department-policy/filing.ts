import type { Router } from '../../src/teams/router';
import { AppError } from '../../src/errors/app-error';
import { hasRole } from '../../src/domain/roles';
import { savePolicyStep } from '../../src/services/policy/save-policy-step';
import { filePolicy } from '../../src/services/policy/file-policy';
import { decidePolicy } from '../../src/services/policy/decide-policy';
import { editPolicyStep, startPolicy } from '../../src/services/policy/policy-reads';
import type { Turn } from '../../src/teams/turn';
import { policyReviewCard } from '../../cards/presenters';
import { renderPolicy } from './render';
import { afterDecision } from '../reviews/after-decision';
import { personalOnly } from '../../src/teams/personal-only';

/** A policy is drafted in the personal chat (issue 10); elsewhere its verbs answer with the way there. */
const filing = { what: 'Policies are written', command: 'file our policy' };

/** POL-1/POL-2: file the twelve points through short cards; the Mayor's Office decides on the channel card. */
export function registerFiling(router: Router): void {
  router.entry(
    { title: 'File our policy', description: "Write or revise your department's social media policy, point by point, and file it with the Mayor's Office.", verb: 'policy.file.start', command: 'file our policy', visible: (actor, where) => where.kind === 'personal' && (hasRole(actor, 'department_head') || hasRole(actor, 'policy_delegate')) },
    personalOnly(filing, async (turn) => renderPolicy(await startPolicy(turn.services, turn.actor))),
  );
  const start = personalOnly(filing, async (turn: Turn, departmentId?: string) => renderPolicy(await startPolicy(turn.services, turn.actor, departmentId)));
  router.verb('policy.start', (turn, data) => start(turn, data.departmentId), (turn) => start(turn));
  router.verb(
    'policy.step',
    personalOnly(filing, async (turn, { verb: _verb, policyId, step, nav, ...values }) => renderPolicy(await savePolicyStep(turn.services, turn.actor, { policyId, step, nav, values }))),
    'This card is incomplete. Type "file our policy" to continue.',
  );
  router.verb('policy.edit', personalOnly(filing, async (turn, data) => renderPolicy(await editPolicyStep(turn.services, turn.actor, data.policyId, data.step))), 'This card does not name a policy step.');
  router.verb('policy.file', personalOnly(filing, async (turn, data) => renderPolicy(await filePolicy(turn.services, turn.actor, data.policyId))), 'This card does not name a policy.');
  router.verb('policy.decide', async (turn, data) => afterDecision(turn, await decidePolicy(turn.services, turn.actor, data), policyReviewCard), async (_turn, bad) => {
    throw new AppError('INVALID_INPUT', bad.errors.comments ?? 'This card does not name a policy.');
  });
}

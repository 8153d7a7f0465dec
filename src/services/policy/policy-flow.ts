import { z } from 'zod';
import { canFile } from '../../domain/department-policy';
import { refuse } from '../../domain/result';
import { MAX_DETAIL_LENGTH, MAX_POINT_LENGTH, POLICY_POINTS, POLICY_STEPS, policyProblems } from '../../domain/policy-points';
import type { FlowDeclaration } from '../engines/guided-flow';
import { policyDraftOf } from './policy-views';

const titleOf = (fields: readonly string[]) => {
  const points = POLICY_POINTS.filter((p) => fields.includes(p.id)).map((p) => p.n);
  return points.length ? `Points ${points.join(' and ')} of 12` : 'Personal use while on duty';
};

/** The columns a save reads: whose policy it is, where it stands, and the answers so far. */
const PolicyRow = z.object({ id: z.string(), departmentId: z.string(), status: z.string(), answers: z.string() });

/** POL-1 "File our policy", declared for the guided-flow engine: seven cards, two points each, personal use last. */
export const policyFlow: FlowDeclaration<z.infer<typeof PolicyRow>> = {
  name: 'policy',
  entityType: 'department_policy',
  steps: POLICY_STEPS.map((fields) => ({ title: titleOf(fields), fields: fields.map((id) => ({ id, kind: id === 'personalUse' ? 'choice' : 'longText', max: id === 'personalUseDetail' ? MAX_DETAIL_LENGTH : id === 'personalUse' ? 64 : MAX_POINT_LENGTH })) })),
  notFound: 'That policy draft no longer exists. Type "file our policy" to start again.',
  table: 'DepartmentPolicy',
  row: PolicyRow,
  canEdit: (policy, actor) => {
    const allowed = canFile(actor, policy.departmentId);
    if (allowed.refused) return allowed;
    return policy.status === 'draft' ? { refused: false } : refuse('STALE_CARD', 'This version has already been filed; your click did not change anything.');
  },
  draftOf: (policy) => policyDraftOf(policy.answers),
  check: (step, draft) => policyProblems(draft, POLICY_STEPS[step - 1]),
  update: (_policy, draft, step) => ({ answers: JSON.stringify(draft), step }),
};

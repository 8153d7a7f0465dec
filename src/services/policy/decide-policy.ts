import type { DepartmentPolicy } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { canDecidePolicy, type PolicyStatus } from '../../domain/department-policy';
import { enqueueToPerson } from '../../notify/outbox';
import type { Db, Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { PolicyReviewView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { policyReviewViewFor } from './policy-views';
import { policyDone } from '../reviews/decision-done';

export type PolicyDecisionInput = { decision: 'acknowledge' | 'return'; comments?: string };
type Verdict = { next: 'acknowledged' | 'returned' };

/** A filed version (a draft is not on any card). */
const loadFiled = async (db: Db | Tx, policyId: string): Promise<DepartmentPolicy | null> => {
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  return policy?.number ? policy : null;
};

/** POL-2 on the decide-on-card engine: the Mayor's Office acknowledges or returns a version, exactly once. */
export const policyDecision = (timeZone: string): DecisionSpec<DepartmentPolicy, PolicyReviewView, PolicyDecisionInput, Verdict> => ({
  notFound: 'That policy version does not exist.',
  notAllowed: () => "Only the Mayor's Office acknowledges or returns department policies.",
  load: loadFiled,
  // A filed version is public (POL-2: anyone reads every version), so the card as it stands may go to anyone.
  canSee: () => true,
  view: (db, policy, extra) => policyReviewViewFor(db, policy, timeZone, { notice: extra.notice, commentsError: extra.inputError }),
  render: (present, view) => present.policyReviewCard(view),
  rule: (policy, actor, input) => canDecidePolicy(actor, { status: policy.status as PolicyStatus, filerId: policy.filerId }, input.decision, input.comments),
  async write(tx, policy, verdict, input, by) {
    const { count } = await tx.departmentPolicy.updateMany({
      where: { id: policy.id, status: 'filed' },
      data: { status: verdict.next, deciderId: by.actor.personId, decidedAt: by.at, comments: input.comments ?? null, version: { increment: 1 } },
    });
    return count > 0;
  },
  audit: (policy, _verdict, input) => ({ action: 'policy.decided', entityType: 'department_policy', entityId: policy.id, data: { departmentId: policy.departmentId, number: policy.number, decision: input.decision, comments: input.comments ?? null } }),
  async after(tx, policy, verdict, input, { actor, services }) {
    const dept = await tx.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
    const returned = verdict.next === 'returned';
    const headline = returned ? "The Mayor's Office returned your policy" : "The Mayor's Office acknowledged your policy";
    await enqueueToPerson(tx, policy.filerId, {
      summary: headline,
      card: services.present.noticeCard({
        about: `${dept.name} policy, version ${policy.number}`,
        headline,
        detail: returned ? `${actor.name}: ${input.comments}` : `${actor.name} acknowledged version ${policy.number}. It is now your department's policy in force.`,
        color: returned ? 'attention' : 'good',
        action: { title: returned ? 'Revise policy' : 'View policy', verb: returned ? 'policy.start' : 'policy.view', departmentId: policy.departmentId },
      }),
    });
  },
  cardOutboxId: (policy) => policy.cardOutboxId,
  storedCardHash: (policy) => policy.cardHash || null,
  updateSummary: (verdict) => `Policy ${verdict.next}`,
  done: policyDone,
});

export async function decidePolicy(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { policyId: string } & PolicyDecisionInput) {
  return decideOnCard(policyDecision(services.config.timeZone), services, actor, input.policyId, { decision: input.decision, comments: input.comments });
}

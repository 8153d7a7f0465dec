import type { Actor } from '../../domain/roles';
import { canDecidePolicy, type PolicyStatus } from '../../domain/department-policy';
import { AppError } from '../../errors/app-error';
import { LOST_RACE_NOTICE, refusedClickNotice } from '../../domain/result';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson, enqueueUpdate } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../../teams/turn';
import { noticeCard } from '../../../cards/common/notice-card';
import type { AdaptiveCard } from '../../../cards/common/elements';
import { policyReviewCard } from './policy-views';

/** POL-2: the Mayor's Office acknowledges or returns a version, exactly once; the card updates for everyone. */
export async function decidePolicy({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, input: { policyId: string; decision: 'acknowledge' | 'return'; comments?: string }): Promise<AdaptiveCard> {
  const load = () => db.departmentPolicy.findUnique({ where: { id: input.policyId } });
  const policy = await load();
  if (!policy || !policy.number) throw new AppError('NOT_FOUND', 'That policy version does not exist.');
  const current = async (notice?: string, commentsError?: string) => policyReviewCard(db, (await load())!, config.timeZone, { notice, commentsError });
  const verdict = canDecidePolicy(actor, { status: policy.status as PolicyStatus, filerId: policy.filerId }, input.decision, input.comments);
  if (verdict.refused) {
    if (verdict.code === 'INVALID_INPUT') return current(undefined, verdict.message);
    return current(refusedClickNotice(verdict));
  }
  const decided = await db.$transaction(async (tx) => {
    const { count } = await tx.departmentPolicy.updateMany({
      where: { id: policy.id, status: 'filed' },
      data: { status: verdict.next, deciderId: actor.personId, decidedAt: new Date(), comments: input.comments ?? null, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.decided', entityType: 'department_policy', entityId: policy.id, data: { departmentId: policy.departmentId, number: policy.number, decision: input.decision, comments: input.comments ?? null, shownCardSha256: policy.cardHash } });
    const now = await tx.departmentPolicy.findUniqueOrThrow({ where: { id: policy.id } });
    if (policy.cardOutboxId) await enqueueUpdate(tx, policy.cardOutboxId, { card: await policyReviewCard(tx, now, config.timeZone), summary: `Policy ${verdict.next}` });
    const dept = await tx.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
    const returned = verdict.next === 'returned';
    await enqueueToPerson(tx, policy.filerId, {
      summary: returned ? "The Mayor's Office returned your policy" : "The Mayor's Office acknowledged your policy",
      card: noticeCard({
        about: `${dept.name} policy, version ${policy.number}`,
        headline: returned ? "The Mayor's Office returned your policy" : "The Mayor's Office acknowledged your policy",
        detail: returned ? `${actor.name}: ${input.comments}` : `${actor.name} acknowledged version ${policy.number}. It is now your department's policy in force.`,
        color: returned ? 'attention' : 'good',
        action: { title: returned ? 'Revise policy' : 'View policy', verb: returned ? 'policy.start' : 'policy.view', departmentId: policy.departmentId },
      }),
    });
    return true;
  }, TX_OPTIONS);
  return current(decided ? undefined : LOST_RACE_NOTICE);
}

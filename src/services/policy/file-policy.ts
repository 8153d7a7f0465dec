import type { Actor } from '../../domain/roles';
import { canFile } from '../../domain/department-policy';
import { missingPoints, policyProblems } from '../../domain/policy-points';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../../teams/turn';
import { hashCard } from '../presence/request-views';
import { policyDraftOf, policyReviewCard } from './policy-views';

export type FileOutcome = { filed: true; number: number } | { filed: false; missing: number[]; problems: Record<string, string> };

/**
 * POL-1: a policy that leaves any point empty or thin is refused, naming the points. Filing gives the next version
 * number and, in one transaction, posts it to the Mayor's Office with a copy to the IT Director.
 */
export async function filePolicy({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, policyId: string): Promise<FileOutcome> {
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  if (!policy) throw new AppError('NOT_FOUND', 'That policy draft no longer exists.');
  const allowed = canFile(actor, policy.departmentId);
  if (allowed.refused) refusedWith(allowed);
  const draft = policyDraftOf(policy.answers);
  const problems = policyProblems(draft);
  if (Object.keys(problems).length) return { filed: false, missing: missingPoints(draft), problems };

  return db.$transaction(async (tx) => {
    const latest = await tx.departmentPolicy.findFirst({ where: { departmentId: policy.departmentId, number: { not: null } }, orderBy: { number: 'desc' } });
    const number = (latest?.number ?? 0) + 1;
    const { count } = await tx.departmentPolicy.updateMany({ where: { id: policy.id, status: 'draft', version: policy.version }, data: { status: 'filed', number, filerId: actor.personId, filedAt: new Date(), version: { increment: 1 } } });
    if (count === 0) throw new AppError('STALE_CARD', 'This draft was filed or changed a moment ago. Type "file our policy" to see where it stands.');
    const filed = await tx.departmentPolicy.findUniqueOrThrow({ where: { id: policy.id } });
    const card = await policyReviewCard(tx, filed, config.timeZone);
    const posted = await enqueueToChannel(tx, 'mayors_office', { card, summary: `A department social media policy to acknowledge` });
    await tx.departmentPolicy.update({ where: { id: policy.id }, data: { cardOutboxId: posted.id, cardHash: hashCard(card) } });

    // The copy to the IT Director: their channel if bound, otherwise each IT Director's personal chat.
    const copy = { card: await policyReviewCard(tx, filed, config.timeZone, { forIt: true }), summary: 'Copy of a department social media policy' };
    if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) await enqueueToChannel(tx, 'it_director', copy);
    else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null } })) await enqueueToPerson(tx, g.personId, copy);

    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.filed', entityType: 'department_policy', entityId: policy.id, data: { departmentId: policy.departmentId, number, answers: draft } });
    return { filed: true as const, number };
  }, TX_OPTIONS);
}

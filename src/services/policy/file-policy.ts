import type { Actor } from '../../domain/roles';
import { canFile } from '../../domain/department-policy';
import { missingPoints, policyProblems } from '../../domain/policy-points';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { postCard } from '../engines/card-hash';
import { policyDraftOf, policyReviewViewFor } from './policy-views';
import { filedPolicy, policySummary, type PolicyScreen } from './policy-reads';
import { orAsItStands } from '../engines/stale-click';


/**
 * POL-1: a policy that leaves any point empty or thin is refused, naming the points. Filing gives the next version
 * number and, in one transaction, posts it to the Mayor's Office with a copy to the IT Director.
 */
export function filePolicy(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, policyId: string): Promise<PolicyScreen> {
  // A second File click (or one on an old card) shows the version as it stands.
  return orAsItStands(() => file(svc, actor, policyId), (why) => filedPolicy(svc, actor, policyId, why));
}

async function file(svc: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, policyId: string): Promise<PolicyScreen> {
  const { db, config, present, now } = svc;
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  if (!policy) throw new AppError('NOT_FOUND', 'That policy draft no longer exists.');
  const allowed = canFile(actor, policy.departmentId);
  if (allowed.refused) refusedWith(allowed);
  if (policy.status !== 'draft') throw new AppError('STALE_CARD', 'This version was already filed; your click did not change anything.');
  const draft = policyDraftOf(policy.answers);
  const problems = policyProblems(draft);
  if (Object.keys(problems).length) {
    const missing = missingPoints(draft);
    const list = missing.length ? `Points ${missing.join(', ')} still need work` : 'The personal-use rule still needs an answer';
    return policySummary(svc, actor, policyId, `It cannot be filed yet. ${list}: each of the twelve points must be addressed.`);
  }

  const number = await db.$transaction(async (tx) => {
    const latest = await tx.departmentPolicy.findFirst({ where: { departmentId: policy.departmentId, number: { not: null } }, orderBy: { number: 'desc' } });
    const number = (latest?.number ?? 0) + 1;
    const { count } = await tx.departmentPolicy.updateMany({ where: { id: policy.id, status: 'draft', version: policy.version }, data: { status: 'filed', number, filerId: actor.personId, filedAt: now(), version: { increment: 1 } } });
    if (count === 0) throw new AppError('STALE_CARD', 'This draft was filed or changed a moment ago; your click did not change anything.');
    const filed = await tx.departmentPolicy.findUniqueOrThrow({ where: { id: policy.id } });
    const card = present.policyReviewCard(await policyReviewViewFor(tx, filed, config.timeZone));
    const posted = await postCard(tx, 'mayors_office', card, 'A department social media policy to acknowledge');
    await tx.departmentPolicy.update({ where: { id: policy.id }, data: { cardOutboxId: posted.outboxId, cardHash: posted.cardHash } });

    // The copy to the IT Director: their channel if bound, otherwise each IT Director's personal chat.
    const copy = { card: present.policyReviewCard(await policyReviewViewFor(tx, filed, config.timeZone, { forIt: true })), summary: 'Copy of a department social media policy' };
    if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) await enqueueToChannel(tx, 'it_director', copy);
    else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null } })) await enqueueToPerson(tx, g.personId, copy);

    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'policy.filed', entityType: 'department_policy', entityId: policy.id, data: { departmentId: policy.departmentId, number, answers: draft } });
    return number;
  }, TX_OPTIONS);
  return {
    screen: 'done',
    view: {
      headline: `Filed version ${number} with the Mayor's Office`,
      next: 'The Mayor\'s Office acknowledges it or returns it with comments; a copy went to the IT Director. You will get a message here either way.',
      details: { title: 'See policy', verb: 'policy.version', policyId },
      more: [{ title: 'Policy status', verb: 'policy.status' }],
    },
  };
}

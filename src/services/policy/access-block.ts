import type { AccessBlockRequest } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToChannel, enqueueToPerson, enqueueUpdate } from '../../notify/outbox';
import { TX_OPTIONS, type Db, type Tx } from '../../store/prisma';
import type { Services } from '../../teams/turn';
import { formatWhen, type AdaptiveCard } from '../../../cards/common/elements';
import { blockReviewCard } from '../../../cards/department-policy/block-cards';
import { noticeCard } from '../../../cards/common/notice-card';

export async function blockCardFor(db: Db | Tx, b: AccessBlockRequest, timeZone: string, extra: { notice?: string; responseError?: string } = {}): Promise<AdaptiveCard> {
  const [dept, people] = await Promise.all([db.department.findUniqueOrThrow({ where: { id: b.departmentId } }), db.person.findMany({ where: { id: { in: [b.requesterId, b.deciderId ?? ''] } } })]);
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? 'unknown';
  return blockReviewCard({
    blockId: b.id,
    departmentName: dept.name,
    requester: name(b.requesterId),
    asked: formatWhen(b.createdAt, timeZone),
    sites: b.sites,
    reason: b.reason,
    decided: b.status === 'pending' ? undefined : { outcome: b.status as 'done' | 'declined', by: name(b.deciderId), at: formatWhen(b.decidedAt!, timeZone), response: b.response ?? undefined },
    ...extra,
  });
}

/** REQ-5: a department head asks IT to block social media sites for their staff; the card goes to IT review. */
export async function requestAccessBlock({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, input: { departmentId: string; sites: string; reason: string }) {
  if (!hasRole(actor, 'department_head', input.departmentId)) throw new AppError('NOT_AUTHORIZED', 'Only the head of that department can ask IT to block social media sites for its staff.');
  return db.$transaction(async (tx) => {
    const b = await tx.accessBlockRequest.create({ data: { departmentId: input.departmentId, requesterId: actor.personId, sites: input.sites, reason: input.reason } });
    const posted = await enqueueToChannel(tx, 'it_review', { card: await blockCardFor(tx, b, config.timeZone), summary: 'A department asks IT to block social media sites' });
    await tx.accessBlockRequest.update({ where: { id: b.id }, data: { cardOutboxId: posted.id } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'access_block.requested', entityType: 'access_block', entityId: b.id, data: input });
    return b;
  }, TX_OPTIONS);
}

/** IT marks it done or declines with a reason, once; the channel card updates and the department head is told. */
export async function decideAccessBlock({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, input: { blockId: string; decision: 'done' | 'decline'; response?: string }): Promise<AdaptiveCard> {
  const load = () => db.accessBlockRequest.findUnique({ where: { id: input.blockId } });
  const b = await load();
  if (!b) throw new AppError('NOT_FOUND', 'That request no longer exists.');
  const current = async (notice?: string, responseError?: string) => blockCardFor(db, (await load())!, config.timeZone, { notice, responseError });
  if (!hasRole(actor, 'it_reviewer') && !hasRole(actor, 'it_director')) return current('Only IT can act on this request. Nothing was changed.');
  if (b.status !== 'pending') return current('This was already handled; your click did not change anything.');
  if (input.decision === 'decline' && !input.response?.trim()) return current(undefined, 'Say why, so the department head knows');
  const status = input.decision === 'done' ? 'done' : 'declined';
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.accessBlockRequest.updateMany({ where: { id: b.id, status: 'pending' }, data: { status, deciderId: actor.personId, decidedAt: new Date(), response: input.response ?? null } });
    if (count === 0) return false;
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'access_block.decided', entityType: 'access_block', entityId: b.id, data: { decision: status, response: input.response ?? null } });
    const now = await tx.accessBlockRequest.findUniqueOrThrow({ where: { id: b.id } });
    if (b.cardOutboxId) await enqueueUpdate(tx, b.cardOutboxId, { card: await blockCardFor(tx, now, config.timeZone), summary: `Block request ${status}` });
    const headline = status === 'done' ? 'IT blocked the sites you asked for' : 'IT declined your request to block sites';
    await enqueueToPerson(tx, b.requesterId, {
      summary: headline,
      card: noticeCard({ headline, detail: status === 'done' ? `${actor.name} applied the block for your staff.` : `${actor.name}: ${input.response}`, color: status === 'done' ? 'good' : 'attention', about: `Sites: ${b.sites}`, action: { title: 'Show what I can do', verb: 'help.show' } }),
    });
    return true;
  }, TX_OPTIONS);
  return current(changed ? undefined : 'Someone handled this just before you; your click did not change anything.');
}

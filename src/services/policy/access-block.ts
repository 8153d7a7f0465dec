import type { AccessBlockRequest } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { refuse, type Result } from '../../domain/result';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS, type Db, type Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { BlockView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { postCard } from '../engines/card-hash';
import { blockDone } from '../reviews/decision-done';

export async function blockViewFor(db: Db | Tx, b: AccessBlockRequest, timeZone: string, extra: { notice?: string; responseError?: string } = {}): Promise<BlockView> {
  const [dept, people] = await Promise.all([db.department.findUniqueOrThrow({ where: { id: b.departmentId } }), db.person.findMany({ where: { id: { in: [b.requesterId, b.deciderId ?? ''] } } })]);
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? 'unknown';
  return {
    blockId: b.id,
    departmentName: dept.name,
    requester: name(b.requesterId),
    asked: formatWhen(b.createdAt, timeZone),
    sites: b.sites,
    reason: b.reason,
    decided: b.status === 'pending' ? undefined : { outcome: b.status as 'done' | 'declined', by: name(b.deciderId), at: formatWhen(b.decidedAt!, timeZone), response: b.response ?? undefined },
    ...extra,
  };
}

/** REQ-5: a department head asks IT to block social media sites for their staff; the card goes to IT review. */
export async function requestAccessBlock({ db, config, present }: Pick<Services, 'db' | 'config' | 'present'>, actor: Actor, input: { departmentId: string; sites: string; reason: string }) {
  if (!hasRole(actor, 'department_head', input.departmentId)) throw new AppError('NOT_AUTHORIZED', 'Only the head of that department can ask IT to block social media sites for its staff.');
  return db.$transaction(async (tx) => {
    const b = await tx.accessBlockRequest.create({ data: { departmentId: input.departmentId, requesterId: actor.personId, sites: input.sites, reason: input.reason } });
    const posted = await postCard(tx, 'it_review', present.blockReviewCard(await blockViewFor(tx, b, config.timeZone)), 'A department asks IT to block social media sites');
    await tx.accessBlockRequest.update({ where: { id: b.id }, data: { cardOutboxId: posted.outboxId } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'access_block.requested', entityType: 'access_block', entityId: b.id, data: input });
    return b;
  }, TX_OPTIONS);
}

export type BlockInput = { decision: 'done' | 'decline'; response?: string };
const isIt = (actor: Actor) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'it_director');

function blockRule(b: AccessBlockRequest, actor: Actor, input: BlockInput): Result<{ next: 'done' | 'declined' }> {
  if (!isIt(actor)) return refuse('NOT_AUTHORIZED', 'Only IT can act on this request.');
  if (b.requesterId === actor.personId) return refuse('NOT_AUTHORIZED', 'You asked for this block, so someone else in IT must act on it.');
  if (b.status !== 'pending') return refuse('STALE_CARD', 'This was already handled.');
  if (input.decision === 'decline' && !input.response?.trim()) return refuse('INVALID_INPUT', 'Say why, so the department head knows');
  return { refused: false, next: input.decision === 'done' ? 'done' : 'declined' };
}

/** REQ-5 on the decide-on-card engine: IT marks it done or declines with a reason, once; the head is told. */
export const blockDecision = (timeZone: string): DecisionSpec<AccessBlockRequest, BlockView, BlockInput, { next: 'done' | 'declined' }> => ({
  notFound: 'That request no longer exists.',
  notAllowed: () => 'Only IT can act on this request.',
  load: (db, id) => db.accessBlockRequest.findUnique({ where: { id } }),
  canSee: (actor) => isIt(actor),
  view: (db, b, extra) => blockViewFor(db, b, timeZone, { notice: extra.notice, responseError: extra.inputError }),
  render: (present, view) => present.blockReviewCard(view),
  rule: blockRule,
  async write(tx, b, verdict, input, by) {
    const { count } = await tx.accessBlockRequest.updateMany({ where: { id: b.id, status: 'pending' }, data: { status: verdict.next, deciderId: by.actor.personId, decidedAt: by.at, response: input.response ?? null } });
    return count > 0;
  },
  audit: (b, verdict, input) => ({ action: 'access_block.decided', entityType: 'access_block', entityId: b.id, data: { decision: verdict.next, response: input.response ?? null } }),
  async after(tx, b, verdict, input, { actor, services }) {
    const done = verdict.next === 'done';
    const headline = done ? 'IT blocked the sites you asked for' : 'IT declined your request to block sites';
    await enqueueToPerson(tx, b.requesterId, {
      summary: headline,
      card: services.present.noticeCard({ headline, detail: done ? `${actor.name} applied the block for your staff.` : `${actor.name}: ${input.response}`, color: done ? 'good' : 'attention', about: `Sites: ${b.sites}`, action: { title: 'Show what I can do', verb: 'help.show' } }),
    });
  },
  cardOutboxId: (b) => b.cardOutboxId,
  updateSummary: (verdict) => `Block request ${verdict.next}`,
  done: blockDone,
});

export async function decideAccessBlock(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { blockId: string } & BlockInput) {
  return decideOnCard(blockDecision(services.config.timeZone), services, actor, input.blockId, { decision: input.decision, response: input.response });
}

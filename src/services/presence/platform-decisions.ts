import type { PlatformDecision } from '@prisma/client';
import { platformLine, platformOf, platformRefusal } from '../../domain/platform-decision';
import type { DraftAnswers } from '../../domain/presence-answers';
import type { Result } from '../../domain/result';
import { formatWhen } from '../../domain/when';
import { enqueueToChannel, enqueueToPerson, type Enqueued } from '../../notify/outbox';
import { appendAudit } from '../../records/audit';
import type { Db, Tx } from '../../store/prisma';
import { hashCard } from '../engines/card-hash';
import type { PlatformDecisionView, Presenters } from '../presenters';

/** REQ-7: the recorded decision on a request's platform, if any. */
export async function decisionFor(db: Db | Tx, draft: DraftAnswers): Promise<{ label: string; row: PlatformDecision | null } | undefined> {
  const p = platformOf(draft);
  if (!p) return undefined;
  const row = await db.platformDecision.findUnique({ where: { platform: p.key } });
  // The platform as the IT Director decided on it, not as this request happens to spell it.
  return { label: row?.label ?? p.label, row };
}

const decidedOn = (row: PlatformDecision | null, timeZone: string) => (row ? { status: row.status, reasoning: row.reasoning, decidedOn: row.decidedAt ? formatWhen(row.decidedAt, timeZone) : undefined } : null);

/** The line for the IT card and the requester's summary ("Platform not yet decided by the IT Director", or the decision). */
export async function platformLineFor(db: Db | Tx, draft: DraftAnswers, timeZone: string) {
  const d = await decisionFor(db, draft);
  return d && platformLine(d.label, decidedOn(d.row, timeZone));
}

/** At submit: a platform the IT Director decided "not allowed" is refused, saying why. */
export async function platformVerdict(db: Db | Tx, draft: DraftAnswers, timeZone: string): Promise<Result> {
  const d = await decisionFor(db, draft);
  return d ? platformRefusal(d.label, decidedOn(d.row, timeZone)) : { refused: false };
}

/** The IT Director's card as view data. */
export async function platformDecisionViewFor(db: Db | Tx, row: PlatformDecision, timeZone: string, extra: Pick<PlatformDecisionView, 'notice' | 'reasoningError'> = {}): Promise<PlatformDecisionView> {
  const [request, decider] = await Promise.all([
    row.requestId ? db.presenceRequest.findUnique({ where: { id: row.requestId } }) : null,
    row.deciderId ? db.person.findUnique({ where: { id: row.deciderId } }) : null,
  ]);
  const requester = request ? await db.person.findUnique({ where: { id: request.requesterId } }) : null;
  return {
    decisionId: row.id,
    label: row.label,
    raisedBy: requester ? `A request by ${requester.name} (${formatWhen(row.createdAt, timeZone)})` : undefined,
    decided: row.status === 'pending' ? undefined : { outcome: row.status as 'allowed' | 'not_allowed', by: decider?.name ?? 'unknown', at: formatWhen(row.decidedAt ?? row.createdAt, timeZone), reasoning: row.reasoning ?? '' },
    ...extra,
  };
}

/**
 * REQ-7, when a request reaches IT review: a platform with no decision yet is opened for the IT Director once, and
 * its card goes to the IT Director channel if one is bound, else to each IT Director's personal chat (as an
 * escalation does). In the caller's transaction, audited.
 */
export async function flagUndecidedPlatform(tx: Tx, present: Presenters, requestId: string, draft: DraftAnswers, timeZone: string, at: Date): Promise<void> {
  const p = platformOf(draft);
  if (!p || (await tx.platformDecision.findUnique({ where: { platform: p.key } }))) return;
  const row = await tx.platformDecision.create({ data: { platform: p.key, label: p.label, requestId, createdAt: at } });
  const card = present.platformDecisionCard(await platformDecisionViewFor(tx, row, timeZone));
  const message = { card, summary: `${p.label}: a platform the IT Director has not decided on yet` };
  let sent: Enqueued | undefined;
  if (await tx.channelBinding.findUnique({ where: { purpose: 'it_director' } })) sent = await enqueueToChannel(tx, 'it_director', message);
  else for (const g of await tx.roleGrant.findMany({ where: { role: 'it_director', revokedAt: null } })) sent = await enqueueToPerson(tx, g.personId, message);
  await tx.platformDecision.update({ where: { id: row.id }, data: { cardOutboxId: sent?.id ?? null, cardHash: hashCard(card) } });
  await appendAudit(tx, { actor: { personId: null, name: 'Social Steward' }, action: 'platform.flagged', entityType: 'platform_decision', entityId: row.id, data: { platform: p.key, label: p.label, requestId } }, at);
}

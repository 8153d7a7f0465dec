import type { OutboxMessage } from '@prisma/client';
import type { Db, Tx } from '../../store/prisma';
import type { Actor } from '../../domain/roles';
import { isAdmin } from '../../domain/roles';
import { bindingLabel, parseBindingKey } from '../../domain/channels';
import { AppError } from '../../errors/app-error';

/** How many dead letters the card lists, newest first (a card with dozens of buttons helps no one). */
export const DEAD_LETTERS_SHOWN = 10;

export interface DeadLetterView {
  id: string;
  kind: 'message' | 'channel card' | 'card update' | 'webhook';
  /** Who or where it was for, in words. */
  to: string;
  summary: string;
  reason: string;
  attempts: number;
  throttledAttempts: number;
  queuedAt: Date;
  /** A newer copy of this card was posted since (a review card reposted when its channel was bound). */
  superseded: boolean;
}

const KIND = new Map<string, DeadLetterView['kind']>([
  ['send', 'message'],
  ['channelPost', 'channel card'],
  ['update', 'card update'],
  ['webhook', 'webhook'],
]);

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only admins can see and resend messages that could not be delivered.');
}

/** Admins only: the messages the outbox gave up on, with why, so someone can act on them (issue 8). */
export async function listDeadLetters({ db }: { db: Db }, actor: Actor): Promise<{ total: number; rows: DeadLetterView[] }> {
  requireAdmin(actor);
  const [total, dead] = await Promise.all([
    db.outboxMessage.count({ where: { status: 'dead' } }),
    db.outboxMessage.findMany({ where: { status: 'dead' }, orderBy: { seq: 'desc' }, take: DEAD_LETTERS_SHOWN }),
  ]);
  const names = await recipientNames(db, dead);
  const superseded = await supersededCards(db, dead);
  return { total, rows: dead.map((r) => ({ id: r.id, kind: KIND.get(r.kind) ?? 'message', to: names.get(r.conversationKey) ?? 'a Teams conversation', summary: summaryOf(r.activity), reason: r.lastError ?? 'no reason recorded', attempts: r.attempts, throttledAttempts: r.throttledAttempts, queuedAt: r.createdAt, superseded: superseded.has(r.id) })) };
}

/**
 * Channel cards that died for want of a bound channel and that no record points at any more: binding the channel
 * posted a fresh copy (repost-pending-reviews.ts), so sending the old one again would only duplicate it. Every such
 * card (a review, a filed policy, a block request) is linked from its record when it is posted.
 */
export async function supersededCards(db: Db | Tx, rows: Array<Pick<OutboxMessage, 'id' | 'kind' | 'conversationKey'>>): Promise<Set<string>> {
  const ids = rows.filter((r) => r.kind === 'channelPost' && r.conversationKey.startsWith('channel:')).map((r) => r.id);
  if (!ids.length) return new Set();
  const where = { cardOutboxId: { in: ids } };
  const linked = await Promise.all([db.review.findMany({ where, select: { cardOutboxId: true } }), db.departmentPolicy.findMany({ where, select: { cardOutboxId: true } }), db.accessBlockRequest.findMany({ where, select: { cardOutboxId: true } })]);
  const stillUsed = new Set(linked.flat().map((r) => r.cardOutboxId));
  return new Set(ids.filter((id) => !stillUsed.has(id)));
}

/** The preview text Teams would have shown; stored JSON is read defensively (a bad row must still list). */
export function summaryOf(activityJson: string): string {
  try {
    const summary = (JSON.parse(activityJson) as { summary?: unknown }).summary;
    return typeof summary === 'string' && summary.trim() ? summary : '(a card)';
  } catch {
    return '(unreadable message)';
  }
}

/** conversationKey -> words: a person's name, or the channel's purpose. */
export async function recipientNames(db: Db | Tx, rows: Array<Pick<OutboxMessage, 'conversationKey'>>): Promise<Map<string, string>> {
  const keys = [...new Set(rows.map((r) => r.conversationKey))];
  const out = new Map<string, string>();
  const personIds = new Map<string, string>();
  for (const k of keys) if (k.startsWith('person:')) personIds.set(k, k.slice('person:'.length));
  for (const k of keys) {
    if (!k.startsWith('channel:')) continue;
    const purpose = k.slice('channel:'.length);
    if (parseBindingKey(purpose)) out.set(k, `the ${bindingLabel(purpose)} channel`);
  }
  const refs = await db.conversationRef.findMany({ where: { conversationId: { in: keys } } });
  for (const ref of refs) if (ref.personId) personIds.set(ref.conversationId, ref.personId);
  const bindings = await db.channelBinding.findMany();
  for (const k of keys) {
    const b = bindings.find((x) => k === x.channelId || k.startsWith(`${x.channelId};`));
    if (b && parseBindingKey(b.purpose)) out.set(k, `the ${bindingLabel(b.purpose)} channel`);
  }
  // A webhook's key names its subscriber (issue 12): say where it was going.
  const hookIds = keys.filter((k) => k.startsWith('webhook:')).map((k) => k.slice('webhook:'.length));
  if (hookIds.length) for (const h of await db.webhookSubscriber.findMany({ where: { id: { in: hookIds } } })) out.set(`webhook:${h.id}`, h.url);
  const people = new Map((await db.person.findMany({ where: { id: { in: [...personIds.values()] } } })).map((p) => [p.id, p.name]));
  for (const [k, id] of personIds) if (people.has(id)) out.set(k, people.get(id)!);
  return out;
}

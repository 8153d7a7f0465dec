import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/roles';
import { isAdmin } from '../../domain/roles';
import { sealCredential } from '../../domain/credential-crypto';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS, webhookUrlProblem } from '../../domain/webhooks';
import { AppError } from '../../errors/app-error';
import { eventsOf, webhookKey } from '../../notify/webhook-outbox';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';

type Svc = Pick<Services, 'db' | 'config' | 'now'>;

export interface SubscriberView {
  id: string;
  url: string;
  events: string[];
  state: 'active' | 'disabled';
  createdAt: Date;
  waiting: number;
  dead: number;
}

export type AddOutcome = { ok: true; subscriber: SubscriberView; secret: string } | { ok: false; problem: string };

/** Active subscribers at once; a City needs a handful (the web site, an archive), never hundreds. */
export const MAX_ACTIVE_SUBSCRIBERS = 20;

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only admins can see and change webhook subscribers.');
}

/** Admins only: every subscriber, active first, with how many deliveries wait and how many gave up. */
export async function listSubscribers(svc: Pick<Svc, 'db'>, actor: Actor): Promise<SubscriberView[]> {
  requireAdmin(actor);
  const subs = await svc.db.webhookSubscriber.findMany({ orderBy: [{ state: 'asc' }, { createdAt: 'desc' }], take: 30 });
  const counts = await svc.db.outboxMessage.groupBy({ by: ['conversationKey', 'status'], where: { kind: 'webhook', status: { in: ['pending', 'dead'] }, conversationKey: { in: subs.map((s) => webhookKey(s.id)) } }, _count: { _all: true } });
  const count = (id: string, status: string) => counts.find((c) => c.conversationKey === webhookKey(id) && c.status === status)?._count._all ?? 0;
  return subs.map((s) => ({ id: s.id, url: s.url, events: eventsOf(s.events).map((e) => (Object.hasOwn(WEBHOOK_EVENT_LABELS, e) ? e : `${e} (unknown)`)), state: s.state === 'active' ? 'active' : 'disabled', createdAt: s.createdAt, waiting: count(s.id, 'pending'), dead: count(s.id, 'dead') }));
}

/**
 * Registers a subscriber with a new signing secret (Standard Webhooks `whsec_` format, 24 random bytes), stored
 * encrypted and returned this once. Bad input changes nothing and says what to fix.
 */
export async function addSubscriber(svc: Svc, actor: Actor, input: { url: string; events: string[] }): Promise<AddOutcome> {
  requireAdmin(actor);
  const problem = webhookUrlProblem(input.url, svc.config.webhooks.allowedHosts);
  if (problem) return { ok: false, problem };
  const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e));
  if (!events.length || events.length !== new Set(input.events).size) return { ok: false, problem: 'Choose at least one of the events listed.' };
  if (!svc.config.credentialKey) throw new Error('no credential key configured');
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const at = svc.now();
  const id = await svc.db.$transaction(async (tx) => {
    if ((await tx.webhookSubscriber.count({ where: { state: 'active' } })) >= MAX_ACTIVE_SUBSCRIBERS) throw new AppError('CONFLICT', `There are already ${MAX_ACTIVE_SUBSCRIBERS} active subscribers. Disable one first.`);
    const row = await tx.webhookSubscriber.create({ data: { url: input.url.trim(), events: JSON.stringify(events), secret: 'pending', createdById: actor.personId } });
    // Sealed with the subscriber's id as context, so the ciphertext opens only on its own row.
    await tx.webhookSubscriber.update({ where: { id: row.id }, data: { secret: sealCredential(svc.config.credentialKey!, { login: 'webhook', password: secret }, row.id) } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'webhook.subscribed', entityType: 'webhook_subscriber', entityId: row.id, data: { url: row.url, events } }, at);
    return row.id;
  }, TX_OPTIONS);
  const subscriber = (await listSubscribers(svc, actor)).find((s) => s.id === id)!;
  return { ok: true, subscriber, secret };
}

/** Stops deliveries to a subscriber: its waiting events become dead letters when their turn comes (kept, as records). */
export async function disableSubscriber(svc: Svc, actor: Actor, subscriberId: string): Promise<{ changed: boolean; url?: string }> {
  requireAdmin(actor);
  return svc.db.$transaction(async (tx) => {
    const sub = await tx.webhookSubscriber.findUnique({ where: { id: subscriberId } });
    if (!sub) throw new AppError('NOT_FOUND', 'That subscriber does not exist. Type "webhooks" for a fresh list.');
    const { count } = await tx.webhookSubscriber.updateMany({ where: { id: sub.id, state: 'active' }, data: { state: 'disabled', disabledById: actor.personId, disabledAt: svc.now() } });
    if (count === 0) return { changed: false, url: sub.url };
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'webhook.disabled', entityType: 'webhook_subscriber', entityId: sub.id, data: { url: sub.url } }, svc.now());
    return { changed: true, url: sub.url };
  }, TX_OPTIONS);
}


import type { FreshnessEscalation, Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import type { PresenceState } from '../../domain/presence';
import { APM_GROUND_LABELS, DIRECTOR_ACTION_LABELS, directorRule, type ApmGround, type DirectorAction, type DirectorInput } from '../../domain/freshness/director-rule';
import { AppError } from '../../errors/app-error';
import { enqueueToPerson } from '../../notify/outbox';
import type { Db, Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { FreshnessEscalationView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { recordAsItStands } from '../presence/load-presence';
import { escalationViewFor } from './escalation-view';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';

type Loaded = FreshnessEscalation & { presence: Presence };
type Verdict = { action: DirectorAction; ground: ApmGround; note: string };

async function load(db: Db | Tx, id: string): Promise<Loaded | null> {
  const e = await db.freshnessEscalation.findUnique({ where: { id } });
  if (!e) return null;
  const presence = await db.presence.findUnique({ where: { id: e.presenceId } });
  return presence ? { ...e, presence } : null;
}

/** FRESH-3: the presence as it stood before the action: its registry record, its REG-1 answers and its history. */
async function asItStood(tx: Tx, p: Presence) {
  const history = await tx.auditEvent.findMany({ where: { entityType: 'presence', entityId: p.id }, orderBy: { seq: 'asc' }, select: { seq: true, at: true, actorName: true, action: true, data: true } });
  // Posts (the posts issue) join here: the presence's posts as they stood.
  return { presence: recordAsItStands(p), record: JSON.parse(p.record) as unknown, history: history.map((h) => ({ ...h, data: JSON.parse(h.data) as unknown })) };
}

const NEXT_STATE: Partial<Record<DirectorAction, PresenceState>> = { suspend: 'suspended', remove: 'retired' };

/** FRESH-2, FRESH-3: the IT Director acts on an escalation card, through the decide-on-card engine (ADR 0007). */
export const directorDecision = (timeZone: string): DecisionSpec<Loaded, FreshnessEscalationView, DirectorInput, Verdict> => ({
  notFound: 'That escalation no longer exists.',
  notAllowed: () => 'Only the IT Director can see and act on this card.',
  load,
  canSee: (actor) => actor.roles.some((r) => r.role === 'it_director'),
  view: (db, e, extra) => escalationViewFor(db, e, timeZone, extra),
  render: (present, view) => present.freshnessEscalation(view),
  rule: (e, actor, input) => directorRule({ status: e.status, presenceState: e.presence.state as PresenceState, ownerId: e.presence.ownerId }, actor, input),
  async write(tx, e, verdict, input, by) {
    const snapshot = JSON.stringify(await asItStood(tx, e.presence));
    const decided = await tx.freshnessEscalation.updateMany({
      where: { id: e.id, status: 'open' },
      data: { status: 'decided', action: verdict.action, ground: verdict.ground, note: verdict.note, newOwnerId: input.newOwnerId ?? null, decidedById: by.actor.personId, decidedAt: by.at, snapshot },
    });
    if (decided.count === 0) return false;
    const guard = { id: e.presence.id, version: e.presence.version };
    if (verdict.action === 'more_time' || verdict.action === 'reassign') {
      // More time, or a new owner, starts the clock again on the IT Director's word: the old owner's unanswered
      // nudges no longer count, so the new owner is not escalated over them at the next sweep.
      await tx.presenceConfirmation.create({ data: { presenceId: e.presence.id, personId: by.actor.personId, at: by.at } });
      if (verdict.action === 'more_time') return true;
    }
    const data = verdict.action === 'reassign' ? { ownerId: input.newOwnerId! } : { state: NEXT_STATE[verdict.action]! };
    const moved = await tx.presence.updateMany({ where: guard, data: { ...data, version: { increment: 1 } } });
    return moved.count === 1;
  },
  audit: (e, verdict, input) => ({
    action: 'freshness.director_acted',
    entityType: 'presence',
    entityId: e.presence.id,
    data: { escalationId: e.id, action: verdict.action, ground: verdict.ground, note: verdict.note, newOwnerId: input.newOwnerId ?? null, before: recordAsItStands(e.presence) },
  }),
  async after(tx, e, verdict, input, { actor, at, services }) {
    const about = `${e.presence.handle}: ${APM_GROUND_LABELS[verdict.ground]}. ${verdict.note}`;
    const state = NEXT_STATE[verdict.action];
    if (state === 'suspended' || state === 'retired') {
      await enqueuePresenceEvent(tx, services.config, 'presence.state_changed', e.presence.id, at, e.presence.state);
      await enqueueToPerson(tx, e.presence.ownerId, { summary: `The IT Director ${state} ${e.presence.handle}`, card: services.present.stateChangedNotice({ presenceId: e.presence.id, handle: e.presence.handle, to: state, by: actor.name, reason: about }) });
    } else if (verdict.action === 'reassign') {
      const card = (headline: string) => services.present.noticeCard({ headline, detail: `${actor.name}, IT Director`, color: 'accent', about, action: { title: 'Open it', verb: 'presence.open', presenceId: e.presence.id } });
      await enqueueToPerson(tx, input.newOwnerId!, { summary: `You now own ${e.presence.handle}`, card: card(`You now own ${e.presence.handle}`) });
      await enqueueToPerson(tx, e.presence.ownerId, { summary: `${e.presence.handle} was given to someone else`, card: card(`${e.presence.handle} was given to someone else`) });
    }
  },
  cardOutboxId: (e) => e.outboxId,
  updateSummary: (verdict) => `IT Director: ${DIRECTOR_ACTION_LABELS[verdict.action]}`,
});

export async function decideEscalation(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { escalationId: string } & DirectorInput): Promise<FreshnessEscalationView> {
  const { escalationId, ...decision } = input;
  // Asked only for an IT Director, so no one else can probe which people exist.
  if (decision.newOwnerId && actor.roles.some((r) => r.role === 'it_director') && !(await services.db.person.findUnique({ where: { id: decision.newOwnerId }, select: { id: true } }))) {
    throw new AppError('INVALID_INPUT', 'That person is not known to Social Steward. Nothing was changed.');
  }
  return (await decideOnCard(directorDecision(services.config.timeZone), services, actor, escalationId, decision)).view;
}

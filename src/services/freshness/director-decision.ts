import type { FreshnessEscalation, Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import type { PresenceState } from '../../domain/presence';
import { APM_GROUND_LABELS, DIRECTOR_ACTION_LABELS, directorRule, type ApmGround, type DirectorAction, type DirectorInput } from '../../domain/freshness/director-rule';
import { enqueueToPerson, enqueueUpdate } from '../../notify/outbox';
import type { Db, Tx } from '../../store/prisma';
import type { Services } from '../context';
import type { FreshnessEscalationView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { recordAsItStands } from '../presence/load-presence';
import { escalationViewFor } from './escalation-view';
import { escalationDone } from '../reviews/decision-done';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';
import { storedStringList } from '../../domain/stored-list';
import { resolveOnePerson, type LookUpName } from '../people/resolve-people';
import type { PickerMode } from '../people/find-people';

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
  // Its posts as they stood (the posts issue): every one, with its text, state and where it was published.
  const posts = await tx.post.findMany({ where: { presenceId: p.id }, orderBy: { createdAt: 'asc' }, select: { id: true, drafterId: true, status: true, draft: true, version: true, publishedUrl: true, publishedAt: true, createdAt: true, updatedAt: true } });
  return { presence: recordAsItStands(p), record: JSON.parse(p.record) as unknown, history: history.map((h) => ({ ...h, data: JSON.parse(h.data) as unknown })), posts: posts.map((q) => ({ ...q, draft: JSON.parse(q.draft) as unknown })) };
}

const NEXT_STATE: Partial<Record<DirectorAction, PresenceState>> = { suspend: 'suspended', remove: 'retired' };

/** FRESH-2, FRESH-3: the IT Director acts on an escalation card, through the decide-on-card engine (ADR 0007). */
export const directorDecision = (timeZone: string, pickerMode: PickerMode): DecisionSpec<Loaded, FreshnessEscalationView, DirectorInput, Verdict> => ({
  notFound: 'That escalation no longer exists.',
  notAllowed: () => 'Only the IT Director can see and act on this card.',
  load,
  canSee: (actor) => actor.roles.some((r) => r.role === 'it_director'),
  view: (db, e, extra) => escalationViewFor(db, e, timeZone, pickerMode, extra),
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
    // REG-2: a reassignment is a handover; the registry flags the login until the new owner changes it.
    const data = verdict.action === 'reassign' ? { ownerId: input.newOwnerId!, handedOverAt: by.at } : { state: NEXT_STATE[verdict.action]! };
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
    // The engine updates the first card; each other IT Director's copy is updated in place too.
    const others = storedStringList(e.cardOutboxIds).filter((id) => id !== e.outboxId);
    if (others.length) {
      const card = services.present.freshnessEscalation(await escalationViewFor(tx, (await load(tx, e.id))!, timeZone, pickerMode));
      for (const id of others) await enqueueUpdate(tx, id, { card, summary: `IT Director: ${DIRECTOR_ACTION_LABELS[verdict.action]}` });
    }
    const about = `${e.presence.handle}: ${APM_GROUND_LABELS[verdict.ground]}. ${verdict.note}`;
    const state = NEXT_STATE[verdict.action];
    if (state === 'suspended' || state === 'retired') {
      await enqueuePresenceEvent(tx, services.config, 'presence.state_changed', e.presence.id, at, e.presence.state);
      await enqueueToPerson(tx, e.presence.ownerId, { summary: `The IT Director ${state} ${e.presence.handle}`, card: services.present.stateChangedNotice({ presenceId: e.presence.id, handle: e.presence.handle, to: state, by: actor.name, reason: about }) });
    } else if (verdict.action === 'reassign') {
      const card = (headline: string) => services.present.noticeCard({ headline, detail: `${actor.name}, IT Director`, color: 'accent', about, action: { title: 'Open it', verb: 'presence.open', presenceId: e.presence.id } });
      const live = e.presence.credential !== null;
      const toNewOwner = services.present.noticeCard({
        headline: `You now own ${e.presence.handle}`,
        detail: `${actor.name}, IT Director`,
        color: 'accent',
        about: live ? `${about} Change its password now, so only you and IT know it, then record the new one here.` : about,
        action: live ? { title: 'Record new password', verb: 'presence.password.start', presenceId: e.presence.id } : { title: 'Open it', verb: 'presence.open', presenceId: e.presence.id },
      });
      await enqueueToPerson(tx, input.newOwnerId!, { summary: `You now own ${e.presence.handle}`, card: toNewOwner });
      await enqueueToPerson(tx, e.presence.ownerId, { summary: `${e.presence.handle} was given to someone else`, card: card(`${e.presence.handle} was given to someone else`) });
    }
  },
  cardOutboxId: (e) => e.outboxId,
  updateSummary: (verdict) => `IT Director: ${DIRECTOR_ACTION_LABELS[verdict.action]}`,
  done: escalationDone,
});

export async function decideEscalation(
  services: Pick<Services, 'db' | 'config' | 'present' | 'now'>,
  actor: Actor,
  input: { escalationId: string; newOwnerIdTyped?: string } & DirectorInput,
  lookUpName: LookUpName = async () => undefined,
) {
  const { escalationId, newOwnerIdTyped, ...decision } = input;
  // The new owner as the hand-over finds them (Teams' people picker, the bot's list or a typed name); looked up only
  // for an IT Director, so no one else can probe which people exist or add one.
  if (decision.action === 'reassign' && (decision.newOwnerId || newOwnerIdTyped) && actor.roles.some((r) => r.role === 'it_director')) {
    const found = await resolveOnePerson(services.db, actor, { chosen: decision.newOwnerId, typed: newOwnerIdTyped }, lookUpName, 'Choose one new owner');
    decision.newOwnerId = found.ok ? found.id : undefined;
    if (!found.ok) decision.newOwnerNotFound = found.error;
  }
  return decideOnCard(directorDecision(services.config.timeZone, services.config.peoplePicker), services, actor, escalationId, decision);
}

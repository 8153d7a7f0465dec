import type { Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import type { Place } from '../../domain/presence';
import { canHandOverTo, canStartHandOver, type HandOverAs } from '../../domain/custody';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { FieldErrors } from '../../verbs/parse';
import type { THandOverPresence } from '../../verbs/custody';
import type { Services } from '../context';
import { headDepartmentsOf } from '../departments';
import { factsOf, loadPresence, recordAsItStands } from './load-presence';
import { openPresence } from './presence-reads';
import type { PresenceView } from './presence-views';
import { peoplePickerView, type PeoplePickerView } from '../people/find-people';
import { resolveOnePerson, type LookUpName } from '../people/resolve-people';

type Svc = Pick<Services, 'db' | 'config' | 'present' | 'now'>;
type Input = Omit<THandOverPresence, 'verb'>;

export interface HandOverView {
  presenceId: string;
  handle: string;
  ownerName: string;
  /** Issue 10: Teams' people picker, or the bot's own people with typeahead; never a list of everyone. */
  people: PeoplePickerView;
  values?: { newOwnerId?: string; newOwnerIdTyped?: string; handoverReason?: string };
  errors?: FieldErrors;
}
export type HandOverScreen = { screen: 'form'; view: HandOverView } | { screen: 'presence'; view: PresenceView };

const AS_WORDS: Record<HandOverAs, string> = { owner: 'its owner', department_head: 'the head of its department', it: 'IT' };

/** REG-1: the handover form (people who have used Social Steward, by name) for the owner, the department head or IT. */
export async function handOverForm(svc: Pick<Services, 'db' | 'config'>, actor: Actor, where: Place, presenceId: string, extra: Pick<HandOverView, 'values' | 'errors'> = {}): Promise<HandOverScreen> {
  const presence = await loadPresence(svc.db, presenceId);
  const verdict = canStartHandOver(factsOf(presence), actor, await headDepartmentsOf(svc.db, presence.departmentId));
  if (verdict.refused && verdict.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: verdict.message, color: 'attention' }) };
  if (verdict.refused) refusedWith(verdict);
  const [owner, people] = await Promise.all([
    svc.db.person.findUnique({ where: { id: presence.ownerId }, select: { name: true } }),
    peoplePickerView(svc.db, svc.config.peoplePicker, extra.values?.newOwnerId ? [extra.values.newOwnerId] : []),
  ]);
  return { screen: 'form', view: { presenceId, handle: presence.handle, ownerName: owner?.name ?? 'unknown', people, ...extra } };
}

/**
 * REG-1, REG-2: the owner, the department head or IT hands a presence to a new owner, saying why. One transaction:
 * the owner, the audit event, and the new owner's message asking them to change the password (outbox); the previous
 * owner is told when someone else handed it over. Guarded on the owner, so a late or repeated click changes nothing.
 */
export async function handOverPresence(svc: Svc, actor: Actor, where: Place, input: Input, lookUpName: LookUpName): Promise<HandOverScreen> {
  const presence = await loadPresence(svc.db, input.presenceId);
  const headOf = await headDepartmentsOf(svc.db, presence.departmentId);
  const values = { newOwnerId: input.newOwnerId, newOwnerIdTyped: input.newOwnerIdTyped, handoverReason: input.handoverReason };
  // Who may hand it over is checked before the chosen person is looked up, so a forged click creates no one.
  const may = canStartHandOver(factsOf(presence), actor, headOf);
  if (may.refused && may.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: may.message, color: 'attention' }) };
  if (may.refused) refusedWith(may);
  const chosen = await resolveOnePerson(svc.db, actor, { chosen: input.newOwnerId, typed: input.newOwnerIdTyped }, lookUpName, 'Choose one new owner');
  if (!chosen.ok) return handOverForm(svc, actor, where, presence.id, { values, errors: { newOwnerId: chosen.error } });
  const verdict = canHandOverTo(factsOf(presence), actor, headOf, { newOwnerId: chosen.id, reason: input.handoverReason });
  if (verdict.refused && verdict.code === 'INVALID_INPUT') {
    const field = chosen.id && chosen.id !== presence.ownerId ? 'handoverReason' : 'newOwnerId';
    return handOverForm(svc, actor, where, presence.id, { values, errors: { [field]: verdict.message } });
  }
  if (verdict.refused && verdict.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: verdict.message, color: 'attention' }) };
  if (verdict.refused) refusedWith(verdict);
  const [newOwner, oldOwner] = await Promise.all([
    svc.db.person.findUnique({ where: { id: verdict.newOwnerId }, select: { id: true, name: true } }),
    svc.db.person.findUnique({ where: { id: presence.ownerId }, select: { id: true, name: true } }),
  ]);
  if (!newOwner) return handOverForm(svc, actor, where, presence.id, { values, errors: { newOwnerId: 'That person is not known to Social Steward: choose from the list.' } });

  const at = svc.now();
  await svc.db.$transaction(async (tx) => {
    const { count } = await tx.presence.updateMany({
      where: { id: presence.id, ownerId: presence.ownerId, state: { not: 'retired' } },
      data: { ownerId: newOwner.id, handedOverAt: at, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'This presence changed hands or was retired meanwhile, so your click did not change anything.');
    // FRESH-1: a handover answers the weekly nudges; the new owner starts with a fresh clock.
    await tx.presenceConfirmation.create({ data: { presenceId: presence.id, personId: actor.personId, at } });
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.handed_over',
      entityType: 'presence',
      entityId: presence.id,
      data: { from: presence.ownerId, fromName: oldOwner?.name ?? null, to: newOwner.id, toName: newOwner.name, as: verdict.as, reason: verdict.reason, before: recordAsItStands(presence) },
    }, at);
    await tellPeople(tx, svc, actor, presence, { newOwner, as: verdict.as, reason: verdict.reason });
  }, TX_OPTIONS);
  return { screen: 'presence', view: await openPresence(svc, actor, where, presence.id, { text: `Handed over to ${newOwner.name}; they have been told and asked to change its password.`, color: 'default' }) };
}

async function tellPeople(tx: Tx, svc: Svc, actor: Actor, presence: Presence, h: { newOwner: { id: string; name: string }; as: HandOverAs; reason: string }) {
  const live = presence.credential !== null;
  await enqueueToPerson(tx, h.newOwner.id, {
    summary: `${actor.name} handed ${presence.handle} to you`,
    card: svc.present.noticeCard({
      headline: `You now hold ${presence.handle}`,
      detail: `${actor.name} (${AS_WORDS[h.as]}) handed it over to you: ${h.reason}`,
      color: 'accent',
      about: live
        ? 'Change its password now, so only you and IT know it (the City keeps custody of its logins), then record the new one here. Until you do, the registry shows "password not changed since handover". The weekly reminders now come to you.'
        : "It is not set up yet: record its address and login, and post the City's notice. The weekly reminders now come to you.",
      action: live ? { title: 'Record new password', verb: 'presence.password.start', presenceId: presence.id } : { title: 'Set it up', verb: 'presence.setup.start', presenceId: presence.id },
    }),
  });
  if (actor.personId !== presence.ownerId) {
    await enqueueToPerson(tx, presence.ownerId, {
      summary: `${presence.handle} was handed over to ${h.newOwner.name}`,
      card: svc.present.noticeCard({ headline: `${presence.handle} was handed over`, detail: `${actor.name} (${AS_WORDS[h.as]}) handed it to ${h.newOwner.name}: ${h.reason}`, color: 'default', about: 'You no longer own it; its new owner will change its password.', action: { title: 'Open it', verb: 'presence.open', presenceId: presence.id } }),
    });
  }
}

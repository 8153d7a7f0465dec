import type { Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { isIt } from '../../domain/oversight/correction-rule';
import { allowedActions, canRevealCredential, type Place, type PresenceAction, type PresenceState, type StateTarget } from '../../domain/presence';
import { PLATFORM_LABELS } from '../../domain/presence-answers';
import { ownLabel } from '../../domain/own-keys';
import { formatWhen } from '../../domain/when';
import type { Db } from '../../store/prisma';
import type { Services } from '../context';
import type { TRegistryFilter } from '../../verbs/registry';
import type { Tone } from '../presenters';
import { describeRequest, type Section } from './describe-request';
import { describeEvent } from './describe-event';
import { draftOf, lookupsFor } from './request-views';
import { factsOf } from './load-presence';
import { departmentChoices, headDepartmentsOf } from '../departments';
import { passwordNotChangedSinceHandover } from '../../domain/custody';

/** REG-2: whether the login may still be known to a previous owner (changed before the last handover). */
const custodyOf = (p: Presence) => ({ passwordNotChanged: passwordNotChangedSinceHandover({ handedOverAt: p.handedOverAt, credentialChangedAt: p.credentialChangedAt, hasCredential: p.credential !== null }) });

/** CARDS.md: stay well under Teams' message size; narrower filters show the rest. */
export const REGISTRY_LIMIT = 25;

/** A stored platform always renders: a known one by its label, anything else ("other" named freely) as typed. */
export const platformLabel = (p: string) => ownLabel(PLATFORM_LABELS, p);

export interface RegistryView {
  rows: Array<{ presenceId: string; handle: string; platform: string; department: string; state: PresenceState; passwordNotChanged: boolean }>;
  total: number;
  filters: Omit<TRegistryFilter, 'verb'>;
  departments: Array<{ id: string; name: string }>;
  platforms: Array<{ value: string; title: string }>;
}

/** The registry as it stands, filtered (REG-1): public to every City employee. Filter choices come from what is registered. */
export async function registryView({ db }: Pick<Services, 'db'>, filters: Omit<TRegistryFilter, 'verb'>): Promise<RegistryView> {
  const where = { departmentId: filters.departmentId, platform: filters.platform, state: filters.state };
  const [rows, total, departments, platforms] = await Promise.all([
    db.presence.findMany({ where, orderBy: [{ handle: 'asc' }, { createdAt: 'asc' }], take: REGISTRY_LIMIT }),
    db.presence.count({ where }),
    departmentChoices(db, { subunits: true }),
    // Bounded: a platform named under "Other" is free text, and the card must stay small (issue 10).
    db.presence.findMany({ distinct: ['platform'], select: { platform: true }, orderBy: { platform: 'asc' }, take: 30 }),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return {
    rows: rows.map((p) => ({ presenceId: p.id, handle: p.handle, platform: platformLabel(p.platform), department: names.get(p.departmentId) ?? p.departmentId, state: p.state as PresenceState, ...custodyOf(p) })),
    total,
    filters,
    departments,
    platforms: platforms.map((p) => ({ value: p.platform, title: platformLabel(p.platform) || '(no name)' })),
  };
}

export interface PresenceView {
  presenceId: string;
  version: number;
  handle: string;
  state: PresenceState;
  sections: Section[];
  accountUrl?: string;
  ownerName: string;
  noticeConfirmedOn?: string;
  credentialStored: boolean;
  /** REG-2: "Tue, Dec 1, 2026, 2:14 PM by Pat Parker": when the login was last recorded, never what it is. */
  credentialChanged?: string;
  passwordNotChanged?: boolean;
  history: Array<{ what: string; who: string; when: string }>;
  actions: PresenceAction[];
  revealElsewhere?: boolean;
  notice?: { text: string; color: Tone };
  stateError?: { to: StateTarget; message: string };
  /** REC-3, REC-4: IT gets the presence's posts and referrals one tap away. */
  oversight?: boolean;
}

// Each saved step of a draft is an event; on a presence's history they would crowd out everything that matters.
const NOT_HISTORY = ['request.draft_saved'];

/** A presence for this person in this chat (REG-1 is public); its actions are exactly what the domain allows them here. */
export async function presenceViewFor(
  db: Db,
  presence: Presence,
  actor: Actor,
  where: Place,
  timeZone: string,
  extra: Pick<PresenceView, 'notice' | 'stateError'> = {},
): Promise<PresenceView> {
  const draft = draftOf(presence.record);
  const [look, owner, changer, headOf, events] = await Promise.all([
    lookupsFor(db, draft),
    db.person.findUnique({ where: { id: presence.ownerId }, select: { name: true } }),
    presence.credentialChangedById ? db.person.findUnique({ where: { id: presence.credentialChangedById }, select: { name: true } }) : null,
    headDepartmentsOf(db, presence.departmentId),
    db.auditEvent.findMany({
      where: { action: { notIn: NOT_HISTORY }, OR: [{ entityType: 'presence', entityId: presence.id }, { entityType: 'presence_request', entityId: presence.requestId }] },
      orderBy: { seq: 'desc' },
      take: 10,
    }),
  ]);
  const facts = factsOf(presence);
  const hasCredential = presence.credential !== null;
  return {
    presenceId: presence.id,
    version: presence.version,
    handle: presence.handle,
    state: facts.state,
    // The registry's columns are the truth for the handle; the record keeps it in step (edit-presence).
    sections: describeRequest({ ...draft, handle: presence.handle }, look),
    accountUrl: presence.accountUrl ?? undefined,
    ownerName: owner?.name ?? 'unknown',
    noticeConfirmedOn: presence.noticeConfirmedAt ? formatWhen(presence.noticeConfirmedAt, timeZone) : undefined,
    credentialStored: hasCredential,
    credentialChanged: presence.credentialChangedAt ? `${formatWhen(presence.credentialChangedAt, timeZone)} by ${changer?.name ?? 'unknown'}` : undefined,
    ...custodyOf(presence),
    history: events.map((e) => ({ what: describeEvent(e.action, JSON.parse(e.data) as Record<string, unknown>), who: e.actorName, when: formatWhen(e.at, timeZone) })),
    actions: allowedActions(facts, actor, where, hasCredential, headOf),
    oversight: isIt(actor),
    revealElsewhere: hasCredential && where.kind !== 'personal' && !canRevealCredential(facts, actor, { kind: 'personal' }).refused,
    ...extra,
  };
}

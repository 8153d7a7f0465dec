import type { Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { allowedActions, canRevealCredential, type Place, type PresenceState } from '../../domain/presence';
import { PLATFORM_LABELS } from '../../domain/presence-answers';
import type { Db } from '../../store/prisma';
import { formatWhen } from '../../../cards/common/elements';
import { describeRequest } from '../../../cards/presence-request/describe';
import { presenceCard, type PresenceCardView } from '../../../cards/registry/presence-card';
import { registryCard, REGISTRY_LIMIT } from '../../../cards/registry/registry-card';
import { describeEvent } from '../../../cards/registry/history';
import type { TRegistryFilter } from '../../../cards/registry/actions';
import { draftOf, lookupsFor } from './request-views';
import { factsOf } from './load-presence';

const platformLabel = (p: string) => PLATFORM_LABELS[p as keyof typeof PLATFORM_LABELS] ?? p;

/** The registry as it stands, filtered (REG-1). Rows and filter choices come from what is registered. */
export async function registryCardFor(db: Db, filters: Omit<TRegistryFilter, 'verb'>) {
  const where = { departmentId: filters.departmentId, platform: filters.platform, state: filters.state };
  const [rows, total, departments, platforms] = await Promise.all([
    db.presence.findMany({ where, orderBy: [{ handle: 'asc' }, { createdAt: 'asc' }], take: REGISTRY_LIMIT }),
    db.presence.count({ where }),
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.presence.findMany({ distinct: ['platform'], select: { platform: true }, orderBy: { platform: 'asc' } }),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return registryCard({
    rows: rows.map((p) => ({ presenceId: p.id, handle: p.handle, platform: platformLabel(p.platform), department: names.get(p.departmentId) ?? p.departmentId, state: p.state as PresenceState })),
    total,
    filters,
    departments,
    platforms: platforms.map((p) => ({ value: p.platform, title: platformLabel(p.platform) })),
  });
}

// Each saved step of a draft is an event; on a presence's history they would crowd out everything that matters.
const NOT_HISTORY = ['request.draft_saved'];

/** The presence card for this person in this chat: the buttons are exactly what the domain rules allow them here. */
export async function presenceCardFor(
  db: Db,
  presence: Presence,
  actor: Actor,
  where: Place,
  timeZone: string,
  extra: Pick<PresenceCardView, 'notice' | 'stateError'> = {},
) {
  const draft = draftOf(presence.record);
  const [look, owner, events] = await Promise.all([
    lookupsFor(db, draft),
    db.person.findUnique({ where: { id: presence.ownerId }, select: { name: true } }),
    db.auditEvent.findMany({
      where: { action: { notIn: NOT_HISTORY }, OR: [{ entityType: 'presence', entityId: presence.id }, { entityType: 'presence_request', entityId: presence.requestId }] },
      orderBy: { seq: 'desc' },
      take: 10,
    }),
  ]);
  const facts = factsOf(presence);
  const hasCredential = presence.credential !== null;
  return presenceCard({
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
    history: events.map((e) => ({ what: describeEvent(e.action, JSON.parse(e.data) as Record<string, unknown>), who: e.actorName, when: formatWhen(e.at, timeZone) })),
    actions: allowedActions(facts, actor, where, hasCredential),
    revealElsewhere: hasCredential && where.kind !== 'personal' && !canRevealCredential(facts, actor, { kind: 'personal' }).refused,
    ...extra,
  });
}

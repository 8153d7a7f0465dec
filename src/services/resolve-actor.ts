import { LRUCache } from 'lru-cache';
import type { Actor, Role, RoleHolding } from '../domain/roles';
import type { Services } from './context';
import { appendAudit } from '../records/audit';
import { TX_OPTIONS, turnReadsOf, type Db } from '../store/prisma';

export interface TeamsUser {
  aadObjectId: string;
  teamsUserId: string;
  /** Absent on install events. */
  name?: string;
}

/** A person as last read, with the AuthVersion read before that read (so a change during it is never missed). */
interface Remembered {
  version: number;
  teamsUserId: string;
  actor: Actor;
}

/** Per database client (tests run several bots in one process), bounded. */
const remembered = new WeakMap<Db, LRUCache<string, Remembered>>();

function cacheOf(db: Db): LRUCache<string, Remembered> {
  let cache = remembered.get(db);
  if (!cache) remembered.set(db, (cache = new LRUCache({ max: 10_000 })));
  return cache;
}

/**
 * Teams user -> person row (created on first contact with the name Teams gives) -> roles. The first admins come from
 * configuration and cannot be revoked in Teams, so the City can never lock itself out.
 *
 * A person and their roles are remembered between turns, but only while AuthVersion is unchanged: triggers bump it
 * in the same transaction as any grant, revoke or person change, and it is read first on every turn (one statement
 * through the driver), so a revoke holds on the very next turn on every process (docs/decisions/0008-turn-cost.md).
 */
export async function resolveActor(
  { db, config }: Pick<Services, 'db' | 'config'>,
  user: TeamsUser,
  lookUpName: () => Promise<string | undefined>,
): Promise<Actor> {
  const version = await turnReadsOf(db).authVersion();
  const cache = cacheOf(db);
  const hit = cache.get(user.aadObjectId);
  const same = hit && hit.version === version && hit.teamsUserId === user.teamsUserId && (!user.name || hit.actor.name === user.name);
  const actor = same ? hit.actor : await loadActor(db, user, lookUpName);
  if (!same) cache.set(user.aadObjectId, { version, teamsUserId: user.teamsUserId, actor });
  const roles = [...actor.roles];
  if (config.firstAdmins.includes(user.aadObjectId) && !roles.some((r) => r.role === 'admin')) roles.push({ role: 'admin' });
  return { ...actor, roles };
}

async function loadActor(db: Db, user: TeamsUser, lookUpName: () => Promise<string | undefined>): Promise<Actor> {
  let person = await db.person.findUnique({ where: { aadObjectId: user.aadObjectId }, include: { roles: { where: { revokedAt: null } } } });
  if (!person) {
    const name = user.name ?? (await lookUpName()) ?? 'Teams user';
    person = await db.$transaction(async (tx) => {
      const created = await tx.person.create({ data: { aadObjectId: user.aadObjectId, teamsUserId: user.teamsUserId, name }, include: { roles: { where: { revokedAt: null } } } });
      await appendAudit(tx, { actor: { personId: created.id, name: created.name }, action: 'person.first_contact', entityType: 'person', entityId: created.id, data: { name: created.name, aadObjectId: user.aadObjectId } });
      return created;
    }, TX_OPTIONS).catch(async (err) => {
      // Two first turns at once: the other one created the row.
      const existing = await db.person.findUnique({ where: { aadObjectId: user.aadObjectId }, include: { roles: { where: { revokedAt: null } } } });
      if (!existing) throw err;
      return existing;
    });
  } else if ((user.name && person.name !== user.name) || person.teamsUserId !== user.teamsUserId) {
    person = await db.person.update({ where: { id: person.id }, data: { name: user.name ?? person.name, teamsUserId: user.teamsUserId }, include: { roles: { where: { revokedAt: null } } } });
  }
  const roles: RoleHolding[] = person.roles.map((g) => ({ role: g.role as Role, ...(g.departmentId ? { departmentId: g.departmentId } : {}) }));
  return { personId: person.id, aadObjectId: person.aadObjectId, name: person.name, roles };
}

import type { Actor, Role, RoleHolding } from '../domain/roles';
import type { Services } from './context';
import { appendAudit } from '../records/audit';
import { TX_OPTIONS } from '../store/prisma';

export interface TeamsUser {
  aadObjectId: string;
  teamsUserId: string;
  /** Absent on install events. */
  name?: string;
}

/**
 * Teams user -> person row (created on first contact with the name Teams gives) -> roles. The first admins come from
 * configuration and cannot be revoked in Teams, so the City can never lock itself out.
 */
export async function resolveActor(
  { db, config }: Pick<Services, 'db' | 'config'>,
  user: TeamsUser,
  lookUpName: () => Promise<string | undefined>,
): Promise<Actor> {
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
  if (config.firstAdmins.includes(user.aadObjectId) && !roles.some((r) => r.role === 'admin')) roles.push({ role: 'admin' });
  return { personId: person.id, aadObjectId: person.aadObjectId, name: person.name, roles };
}

import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { isAdmin, ROLE_LABELS, type Role } from '../../src/domain/roles';
import { AppError } from '../../src/errors/app-error';
import { grantRole } from '../../src/services/grant-role';
import { revokeRole } from '../../src/services/revoke-role';
import { parseCard } from '../../cards/common/parse';
import { ZGrantRole, ZRevokeRole } from '../../cards/roles/actions';
import { grantRoleCard, rolesCard } from '../../cards/roles/roles-card';
import type { FieldErrors } from '../../cards/common/inputs';

async function showRoles(turn: Turn, notice?: string) {
  const { db, config } = turn.services;
  const grants = await db.roleGrant.findMany({ where: { revokedAt: null }, include: { person: true, department: true }, orderBy: { grantedAt: 'asc' } });
  const granters = new Map((await db.person.findMany({ where: { id: { in: grants.map((g) => g.grantedById ?? '') } } })).map((p) => [p.id, p.name]));
  const configAdmins = await db.person.findMany({ where: { aadObjectId: { in: [...config.firstAdmins] } } });
  return rolesCard({
    grants: grants.map((g) => ({ grantId: g.id, personName: g.person.name, role: g.role as Role, departmentName: g.department?.name, grantedAt: g.grantedAt, grantedBy: g.grantedById ? granters.get(g.grantedById) : undefined })),
    configAdmins: configAdmins.map((p) => p.name),
    canManage: isAdmin(turn.actor),
    timeZone: config.timeZone,
    notice,
  });
}

async function grantForm(turn: Turn, values?: Record<string, string>, errors?: FieldErrors) {
  if (!isAdmin(turn.actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can grant roles. `roles` shows who holds what.');
  const { db } = turn.services;
  const [people, departments] = await Promise.all([
    db.person.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return grantRoleCard({ people, departments, values, errors });
}

/** `roles`: who holds what; admins grant and revoke from the same card. */
export function register(router: Router): void {
  router.entry(
    { title: 'Roles', description: 'See who holds which role; admins grant and revoke them.', verb: 'roles.show', command: 'roles', visible: () => true },
    (turn) => showRoles(turn),
  );
  router.command(['grant role', 'grant a role'], (turn) => grantForm(turn));
  router.verb('roles.grant.start', (turn) => grantForm(turn));

  router.verb('roles.grant', async (turn, data) => {
    const parsed = parseCard(ZGrantRole, data);
    if (!parsed.ok) return grantForm(turn, parsed.values, parsed.errors);
    const outcome = await grantRole(turn.services, turn.actor, parsed.value);
    const person = await turn.services.db.person.findUniqueOrThrow({ where: { id: parsed.value.personId } });
    const label = ROLE_LABELS[parsed.value.role];
    return showRoles(turn, outcome.granted ? `${person.name} is now ${label}. They have been told.` : `${person.name} already holds ${label}; nothing changed.`);
  });

  router.verb('roles.revoke', async (turn, data) => {
    const parsed = parseCard(ZRevokeRole, data);
    if (!parsed.ok) throw new AppError('INVALID_INPUT', 'This card does not name a role to revoke. Type "roles" for a fresh card.');
    const outcome = await revokeRole(turn.services, turn.actor, parsed.value.grantId);
    return showRoles(turn, outcome.revoked ? `${outcome.personName} no longer holds ${ROLE_LABELS[outcome.role]}. They have been told.` : 'That role had already been revoked; nothing changed.');
  });
}

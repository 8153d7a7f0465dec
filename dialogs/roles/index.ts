import type { Router } from '../../src/teams/router';
import { ROLE_LABELS } from '../../src/domain/roles';
import { grantRole } from '../../src/services/grant-role';
import { revokeQuestion, revokeRole } from '../../src/services/revoke-role';
import { confirmCard } from '../../cards/common/confirm-card';
import { grantFormView, rolesView } from '../../src/services/admin-reads';
import { nameLookup } from '../../src/teams/member-info';
import { grantRoleCard, rolesCard } from '../../cards/roles/roles-card';

const formValues = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** `roles`: who holds what; admins grant and revoke from the same card. */
export function register(router: Router): void {
  router.entry(
    { title: 'Roles', description: 'See who holds which role; admins grant and revoke them.', verb: 'roles.show', command: 'roles', visible: () => true },
    async (turn) => rolesCard(await rolesView(turn.services, turn.actor)),
  );
  router.command(['grant role', 'grant a role'], async (turn) => grantRoleCard(await grantFormView(turn.services, turn.actor)));
  router.verb('roles.grant.start', async (turn) => grantRoleCard(await grantFormView(turn.services, turn.actor)));

  router.verb(
    'roles.grant',
    async (turn, data) => {
      const outcome = await grantRole(turn.services, turn.actor, data, nameLookup(turn.ctx));
      // A typed name that matches no one (or several): the form again, with the reason beside the person.
      if (!outcome.granted && outcome.reason === 'person_unresolved') return grantRoleCard(await grantFormView(turn.services, turn.actor, formValues(data), { personId: outcome.error }));
      const label = ROLE_LABELS[data.role];
      return rolesCard(await rolesView(turn.services, turn.actor, outcome.granted ? `${outcome.personName} is now ${label}. They have been told.` : `${outcome.personName} already holds ${label}; nothing changed.`));
    },
    async (turn, bad) => grantRoleCard(await grantFormView(turn.services, turn.actor, bad.values, bad.errors)),
  );

  router.verb(
    'roles.revoke',
    async (turn, data) => {
      if (!data.confirmed) return confirmCard(await revokeQuestion(turn.services, turn.actor, data.grantId));
      const outcome = await revokeRole(turn.services, turn.actor, data.grantId);
      return rolesCard(await rolesView(turn.services, turn.actor, outcome.revoked ? `${outcome.personName} no longer holds ${ROLE_LABELS[outcome.role]}. They have been told.` : 'That role had already been revoked; nothing changed.'));
    },
    'This card does not name a role to revoke. Type "roles" for a fresh card.',
  );
}

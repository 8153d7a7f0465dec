import { loadConfig } from '../../src/config/config';
import { createPrisma } from '../../src/store/prisma';
import { appendAudit } from '../../src/records/audit';
import { DEMO_USER_LIST } from './users';

const SETUP_ACTOR = { personId: null, name: 'Playground demo set-up' };

/**
 * Gives the Playground's demo people their roles (Dana heads Parks, Ivy reviews for IT, ...) so each one sees their
 * own cards. Idempotent, and audited like any grant. Runs against the database the bot just migrated.
 */
export async function seedDemo(env: Record<string, string | undefined>): Promise<void> {
  const db = createPrisma(loadConfig(env).databaseUrl);
  try {
    for (const user of DEMO_USER_LIST) {
      await db.$transaction(async (tx) => {
        let person = await tx.person.findUnique({ where: { aadObjectId: user.aadObjectId } });
        if (!person) {
          person = await tx.person.create({ data: { aadObjectId: user.aadObjectId, teamsUserId: user.teamsUserId, name: user.name } });
          await appendAudit(tx, { actor: SETUP_ACTOR, action: 'person.first_contact', entityType: 'person', entityId: person.id, data: { name: user.name, aadObjectId: user.aadObjectId } });
        }
        // Morgan's admin role comes from FIRST_ADMINS, as a real deployment's first admins do.
        for (const grant of user.demoRoles.filter((g) => g.role !== 'admin')) {
          const scope = grant.departmentId ?? '';
          const exists = await tx.roleGrant.findUnique({ where: { personId_role_scope: { personId: person.id, role: grant.role, scope } } });
          if (exists) continue;
          const created = await tx.roleGrant.create({ data: { personId: person.id, role: grant.role, scope, departmentId: grant.departmentId ?? null } });
          await appendAudit(tx, { actor: SETUP_ACTOR, action: 'role.granted', entityType: 'person', entityId: person.id, data: { grantId: created.id, person: user.name, role: grant.role, departmentId: grant.departmentId ?? null } });
        }
      });
    }
  } finally {
    await db.$disconnect();
  }
}

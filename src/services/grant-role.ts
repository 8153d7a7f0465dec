import type { Actor } from '../domain/roles';
import { isCityDepartment } from './departments';
import { isAdmin, needsDepartment, ROLE_LABELS } from '../domain/roles';
import { AppError } from '../errors/app-error';
import { appendAudit } from '../records/audit';
import { enqueueToPerson } from '../notify/outbox';
import { TX_OPTIONS } from '../store/prisma';
import type { Services } from './context';
import type { TGrantRole } from '../verbs/roles';
import { resolveOnePerson, type LookUpName } from './people/resolve-people';

export type GrantOutcome =
  | (({ granted: true; grantId: string } | { granted: false; reason: 'already_held' }) & { personName: string })
  /** The person input named no one the bot could find (a typed name): the form comes back with this beside it. */
  | { granted: false; reason: 'person_unresolved'; error: string };

/** Load, authorize, guard, then one transaction: the grant, its audit event and the notice to the person. */
export async function grantRole({ db, present }: Pick<Services, 'db' | 'present'>, actor: Actor, input: Omit<TGrantRole, 'verb'>, lookUpName: LookUpName = async () => undefined): Promise<GrantOutcome> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can grant roles.');
  // Only after the admin check: resolving may add a person Teams knows but the bot has not met (issue 10).
  // The choice wins over a typed name left in the fallback field.
  const resolved = await resolveOnePerson(db, actor, { chosen: input.personId, typed: input.personId ? undefined : input.personIdTyped }, lookUpName, 'Choose one person');
  if (!resolved.ok) return { granted: false, reason: 'person_unresolved', error: resolved.error };
  if (!resolved.id) return { granted: false, reason: 'person_unresolved', error: 'Choose one person' };
  const person = await db.person.findUnique({ where: { id: resolved.id } });
  if (!person) throw new AppError('NOT_FOUND', 'That person is not known to Social Steward.');
  const departmentId = needsDepartment(input.role) ? input.departmentId : undefined;
  // A role is held for a department, division or agency, never for one of its boards or commissions (subunits).
  if (departmentId && !(await isCityDepartment(db, departmentId, { subunits: false }))) {
    throw new AppError('INVALID_INPUT', 'That department is not in the City list.');
  }
  const scope = departmentId ?? '';
  return db.$transaction(async (tx) => {
    const existing = await tx.roleGrant.findUnique({ where: { personId_role_scope: { personId: person.id, role: input.role, scope } } });
    if (existing && !existing.revokedAt) return { granted: false as const, reason: 'already_held' as const, personName: person.name };
    const fields = { departmentId: departmentId ?? null, grantedById: actor.personId, grantedAt: new Date(), revokedAt: null, revokedById: null };
    // A revoked grant is kept (REC-1) and granted again in place; its earlier terms stay in the audit trail.
    const grant = existing
      ? await tx.roleGrant.update({ where: { id: existing.id }, data: fields })
      : await tx.roleGrant.create({ data: { personId: person.id, role: input.role, scope, ...fields } });
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'role.granted',
      entityType: 'person',
      entityId: person.id,
      data: { grantId: grant.id, person: person.name, role: input.role, departmentId: departmentId ?? null },
    });
    await enqueueToPerson(tx, person.id, {
      summary: `You are now ${ROLE_LABELS[input.role]} in Social Steward`,
      card: present.roleChangedCard({ granted: true, roleLabel: ROLE_LABELS[input.role], by: actor.name }),
    });
    return { granted: true as const, grantId: grant.id, personName: person.name };
  }, TX_OPTIONS);
}

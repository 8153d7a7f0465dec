import type { Actor, Role } from '../domain/roles';
import { isAdmin, ROLE_LABELS } from '../domain/roles';
import { AppError } from '../errors/app-error';
import { appendAudit } from '../records/audit';
import { enqueueToPerson } from '../notify/outbox';
import { TX_OPTIONS } from '../store/prisma';
import type { Services } from './context';
import type { ConfirmView } from './done-view';
import { ownLabel } from '../domain/own-keys';

export type RevokeOutcome = { revoked: true; personName: string; role: Role } | { revoked: false; reason: 'already_revoked' };

export async function revokeRole({ db, present }: Pick<Services, 'db' | 'present'>, actor: Actor, grantId: string): Promise<RevokeOutcome> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can revoke roles.');
  return db.$transaction(async (tx) => {
    const grant = await tx.roleGrant.findUnique({ where: { id: grantId }, include: { person: true } });
    // A second click on an old card: the role is already gone, which is what the admin wanted.
    if (!grant || grant.revokedAt) return { revoked: false as const, reason: 'already_revoked' as const };
    if (grant.role === 'admin' && grant.personId === actor.personId) {
      throw new AppError('NOT_AUTHORIZED', 'You cannot remove your own admin role; ask another admin.');
    }
    // REC-1: the grant is kept, marked revoked; an update guarded on revokedAt so two clicks revoke once.
    const { count } = await tx.roleGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: actor.personId } });
    if (count === 0) return { revoked: false as const, reason: 'already_revoked' as const };
    const role = grant.role as Role;
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'role.revoked',
      entityType: 'person',
      entityId: grant.personId,
      data: { grantId: grant.id, person: grant.person.name, role, departmentId: grant.departmentId, grantedAt: grant.grantedAt.toISOString() },
    });
    await enqueueToPerson(tx, grant.personId, {
      summary: `Your ${ROLE_LABELS[role]} role was removed`,
      card: present.roleChangedCard({ granted: false, roleLabel: ROLE_LABELS[role], by: actor.name }),
    });
    return { revoked: true as const, personName: grant.person.name, role };
  }, TX_OPTIONS);
}

/** The confirm card's question for Revoke (CARDS.md: destructive actions confirm first); admins only, like the act. */
export async function revokeQuestion({ db }: Pick<Services, 'db'>, actor: Actor, grantId: string): Promise<ConfirmView> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can revoke roles.');
  const grant = await db.roleGrant.findUnique({ where: { id: grantId }, include: { person: true } });
  const back = { title: 'Keep it', verb: 'roles.show' } as const;
  if (!grant || grant.revokedAt) return { headline: 'Already revoked', question: 'That role had already been revoked; nothing to do.', confirm: { title: 'Roles', verb: 'roles.show' }, back: { title: 'Back to help', verb: 'help.show' } };
  return { headline: 'Revoke this role?', question: `${grant.person.name} will no longer hold ${ownLabel(ROLE_LABELS, grant.role)}. They will be told.`, confirm: { title: 'Yes, revoke', verb: 'roles.revoke', grantId, confirmed: true }, back };
}

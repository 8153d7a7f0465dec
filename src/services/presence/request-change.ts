import type { Actor } from '../../domain/roles';
import { canEditDetails, type Place } from '../../domain/presence';
import { IN_REVIEW, STATUS_LABELS, type RequestStatus } from '../../domain/presence-request';
import { ownLabel } from '../../domain/own-keys';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import type { Services } from '../context';
import { factsOf, loadPresence } from './load-presence';
import { draftOf } from './request-views';
import { openRequest, type RequestScreen } from './request-reads';

const OPEN: RequestStatus[] = ['draft', 'returned', ...IN_REVIEW];

/**
 * REQ-6: the account name or platform of an approved presence changes only through review. "Request a change" opens
 * a request that starts from the presence's approved record and names the presence it changes; it is submitted and
 * decided like a new one (approving authority, IT, City Attorney), and its approval updates the presence. The owner
 * or the department head asks; one change at a time per presence.
 */
export async function requestChange(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, where: Pick<Place, 'kind'>, presenceId: string): Promise<RequestScreen> {
  const { db } = svc;
  if (where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Changes are requested in your personal chat with Social Steward, so the draft stays private. Nothing was changed.');
  const presence = await loadPresence(db, presenceId);
  const verdict = canEditDetails(factsOf(presence), actor);
  if (verdict.refused) refusedWith(verdict);
  const open = await db.presenceRequest.findFirst({ where: { changesPresenceId: presence.id, status: { in: OPEN } }, orderBy: { createdAt: 'desc' } });
  if (open && open.requesterId === actor.personId) return openRequest(svc, actor, open.id);
  if (open) {
    const who = (await db.person.findUnique({ where: { id: open.requesterId } }))?.name ?? 'Someone';
    throw new AppError('STALE_CARD', `${who} has already asked to change ${presence.handle} (${ownLabel(STATUS_LABELS, open.status).toLowerCase()}); one change goes through review at a time. Nothing was changed.`);
  }
  const answers = { ...draftOf(presence.record), handle: presence.handle };
  const created = await db.$transaction(async (tx) => {
    const req = await tx.presenceRequest.create({ data: { requesterId: actor.personId, status: 'draft', answers: JSON.stringify(answers), step: 1, changesPresenceId: presence.id } });
    const who = { personId: actor.personId, name: actor.name };
    await appendAudit(tx, { actor: who, action: 'request.started', entityType: 'presence_request', entityId: req.id, data: { changesPresenceId: presence.id } }, svc.now());
    await appendAudit(tx, { actor: who, action: 'presence.change_requested', entityType: 'presence', entityId: presence.id, data: { requestId: req.id, handle: presence.handle, platform: presence.platform } }, svc.now());
    return req;
  }, TX_OPTIONS);
  return openRequest(svc, actor, created.id);
}

/** On the City Attorney's approval of a change: the presence takes the reviewed name, platform and record. Audited. */
export async function applyChange(tx: Tx, presenceId: string, snapshot: string, a: { handle: string; platform: string; departmentId: string }, by: { personId: string; name: string }, at: Date) {
  const before = await tx.presence.findUniqueOrThrow({ where: { id: presenceId } });
  const { count } = await tx.presence.updateMany({
    where: { id: presenceId, state: { not: 'retired' } },
    data: { handle: a.handle, platform: a.platform, departmentId: a.departmentId, record: snapshot, version: { increment: 1 } },
  });
  if (count === 0) throw new AppError('STALE_CARD', `${before.handle} was retired meanwhile, so the change cannot be applied. Nothing was changed.`);
  await appendAudit(tx, { actor: by, action: 'presence.changed', entityType: 'presence', entityId: presenceId, data: { before: { handle: before.handle, platform: before.platform, departmentId: before.departmentId }, after: a } }, at);
  return before;
}

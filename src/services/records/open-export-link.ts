import type { Role } from '../../domain/roles';
import { canReadRecords } from '../../domain/records-access';
import { appendAudit } from '../../records/audit';
import { ZRecordsQuery, type RecordsQuery } from '../../records/query';
import { TX_OPTIONS, type Db } from '../../store/prisma';
import type { Config } from '../../config/config';
import { hashToken } from './create-export-link';

export type OpenedLink =
  | { ok: true; linkId: string; query: RecordsQuery; by: { personId: string; name: string } }
  | { ok: false; status: 403 | 404 | 410; message: string };

/**
 * Opening a link: it must exist, be unused and unexpired, and its owner must still be a records custodian or an
 * admin now (a role revoked since the link was made stops it). It is claimed with a guarded update, so two
 * simultaneous opens download once; the claim and its audit event commit together.
 */
export async function openExportLink(db: Db, config: Pick<Config, 'firstAdmins'>, token: string, now = new Date()): Promise<OpenedLink> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, status: 404, message: 'This is not a Social Steward export link.' };
  const link = await db.recordsExportLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return { ok: false, status: 404, message: 'This is not a Social Steward export link.' };
  if (link.usedAt) return { ok: false, status: 410, message: 'This link has been used already: each works once. Ask Social Steward for a new export.' };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, status: 410, message: 'This link has expired (links last 24 hours). Ask Social Steward for a new export.' };
  const person = await db.person.findUniqueOrThrow({ where: { id: link.personId }, include: { roles: { where: { revokedAt: null } } } });
  const roles = person.roles.map((g) => ({ role: g.role as Role }));
  if (config.firstAdmins.includes(person.aadObjectId)) roles.push({ role: 'admin' });
  if (!canReadRecords({ roles })) return { ok: false, status: 403, message: 'You no longer hold the records custodian or admin role, so this link does not work.' };
  const query = ZRecordsQuery.parse(JSON.parse(link.query));
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.recordsExportLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return false;
    await appendAudit(tx, { actor: { personId: person.id, name: person.name }, action: 'records.export_downloaded', entityType: 'records_export_link', entityId: link.id, data: { query } }, now);
    return true;
  }, TX_OPTIONS);
  if (!claimed) return { ok: false, status: 410, message: 'This link has been used already: each works once. Ask Social Steward for a new export.' };
  return { ok: true, linkId: link.id, query, by: { personId: person.id, name: person.name } };
}

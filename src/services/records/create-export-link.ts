import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/roles';
import { canReadRecords } from '../../domain/records-access';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import type { RecordsQuery } from '../../records/query';
import { TX_OPTIONS, type Db } from '../../store/prisma';

export const EXPORT_LINK_TTL_MS = 24 * 3600 * 1000;
export const exportLinkPath = (token: string) => `/records/exports/${token}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * REC-2: a single-use download link for one search, valid 24 hours. Only the token's hash is stored, so the table
 * cannot be read back into working links; creating it is audited.
 */
export async function createExportLink(db: Db, actor: Actor, query: RecordsQuery, now = new Date()): Promise<{ path: string; expiresAt: Date }> {
  if (!canReadRecords(actor)) throw new AppError('NOT_AUTHORIZED', 'Only a records custodian or an admin can export records.');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_MS);
  await db.$transaction(async (tx) => {
    const link = await tx.recordsExportLink.create({ data: { tokenHash: hashToken(token), personId: actor.personId, query: JSON.stringify(query), createdAt: now, expiresAt } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'records.export_link_created', entityType: 'records_export_link', entityId: link.id, data: { query, expiresAt: expiresAt.toISOString() } }, now);
  }, TX_OPTIONS);
  return { path: exportLinkPath(token), expiresAt };
}

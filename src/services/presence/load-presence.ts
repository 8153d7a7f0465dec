import type { Presence } from '@prisma/client';
import type { Db, Tx } from '../../store/prisma';
import { AppError } from '../../errors/app-error';
import type { PresenceFacts, PresenceState } from '../../domain/presence';

export async function loadPresence(db: Db | Tx, presenceId: string): Promise<Presence> {
  const presence = await db.presence.findUnique({ where: { id: presenceId } });
  if (!presence) throw new AppError('NOT_FOUND', 'That presence is not in the registry. Type "registry" to see them all.');
  return presence;
}

export function factsOf(p: Presence): PresenceFacts {
  return { ownerId: p.ownerId, departmentId: p.departmentId, state: p.state as PresenceState };
}

/**
 * The presence as it stands, for the audit trail (FRESH-3). Never the sealed credential: audit data is what the City
 * exports for a public records request (REC-2).
 */
export function recordAsItStands(p: Presence) {
  return {
    handle: p.handle,
    platform: p.platform,
    departmentId: p.departmentId,
    state: p.state,
    ownerId: p.ownerId,
    accountUrl: p.accountUrl,
    noticeConfirmedAt: p.noticeConfirmedAt?.toISOString() ?? null,
    credentialStored: p.credential !== null,
    version: p.version,
    record: JSON.parse(p.record) as unknown,
  };
}

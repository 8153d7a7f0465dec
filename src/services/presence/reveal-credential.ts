import type { Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { canRevealCredential, type Place } from '../../domain/presence';
import { openCredential, type Credential } from '../../domain/credential-crypto';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { factsOf, loadPresence } from './load-presence';

/**
 * REG-2: revealing a login is an audited act of the owner or IT, in a personal chat. The event commits before the
 * plaintext leaves this function, so there is no reveal without its record; the plaintext goes only to the caller.
 */
export async function revealCredential({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, where: Place, presenceId: string): Promise<{ presence: Presence; credential: Credential }> {
  const presence = await loadPresence(db, presenceId);
  const verdict = canRevealCredential(factsOf(presence), actor, where);
  if (verdict.refused) refusedWith(verdict);
  if (!presence.credential) throw new AppError('NOT_FOUND', 'No login is stored for this presence yet: its owner records it when setting it up.');
  if (!config.credentialKey) throw new Error('no credential key configured');

  // Opened first, so a value that fails its integrity check is not recorded as revealed (the failure is logged).
  const credential = openCredential(config.credentialKey, presence.credential, presence.id);
  await db.$transaction(async (tx) => {
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.credential_revealed',
      entityType: 'presence',
      entityId: presence.id,
      data: { handle: presence.handle, as: presence.ownerId === actor.personId ? 'owner' : 'it', where: where.kind },
    });
  }, TX_OPTIONS);
  return { presence, credential };
}

import type { Actor } from '../../domain/roles';
import type { Place } from '../../domain/presence';
import { canRecordPassword, passwordNotChangedSinceHandover } from '../../domain/custody';
import { cityLoginProblem } from '../../domain/city-login';
import { CredentialError, openCredential, sealCredential } from '../../domain/credential-crypto';
import { formatWhen } from '../../domain/when';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { FieldErrors } from '../../verbs/parse';
import type { TRecordPassword } from '../../verbs/custody';
import type { Services } from '../context';
import { factsOf, loadPresence } from './load-presence';
import { openPresence } from './presence-reads';
import type { PresenceView } from './presence-views';

type Svc = Pick<Services, 'db' | 'config' | 'present' | 'now'>;

export interface PasswordView {
  presenceId: string;
  handle: string;
  /** "Tue, Dec 1, 2026, 2:14 PM by Pat Parker"; never the value. */
  lastChanged?: string;
  afterHandover: boolean;
  errors?: FieldErrors;
}
export type PasswordScreen = { screen: 'form'; view: PasswordView } | { screen: 'presence'; view: PresenceView };

/** REG-2: the form to record a changed password, for the owner or IT in a personal chat. */
export async function passwordForm(svc: Pick<Services, 'db' | 'config'>, actor: Actor, where: Place, presenceId: string, errors?: FieldErrors): Promise<PasswordScreen> {
  const presence = await loadPresence(svc.db, presenceId);
  const verdict = canRecordPassword(factsOf(presence), actor, where, presence.credential !== null);
  if (verdict.refused && verdict.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: verdict.message, color: 'attention' }) };
  if (verdict.refused) refusedWith(verdict);
  const by = presence.credentialChangedById ? await svc.db.person.findUnique({ where: { id: presence.credentialChangedById }, select: { name: true } }) : null;
  const lastChanged = presence.credentialChangedAt ? `${formatWhen(presence.credentialChangedAt, svc.config.timeZone)} by ${by?.name ?? 'unknown'}` : undefined;
  const afterHandover = passwordNotChangedSinceHandover({ handedOverAt: presence.handedOverAt, credentialChangedAt: presence.credentialChangedAt, hasCredential: true });
  return { screen: 'form', view: { presenceId, handle: presence.handle, lastChanged, afterHandover, errors } };
}

/**
 * REG-2, REG-3: the owner or IT records the account's new password (and its login, if that changed too). It is sealed
 * before the transaction; the audit event says that it changed and who changed it, never what it is. A login not on
 * a City address is refused with why, and nothing changes.
 */
export async function recordPassword(svc: Svc, actor: Actor, where: Place, input: Omit<TRecordPassword, 'verb'>): Promise<PasswordScreen> {
  const { db, config } = svc;
  if (!config.credentialKey) throw new Error('no credential key configured');
  const presence = await loadPresence(db, input.presenceId);
  const verdict = canRecordPassword(factsOf(presence), actor, where, presence.credential !== null);
  if (verdict.refused && verdict.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: verdict.message, color: 'attention' }) };
  if (verdict.refused) refusedWith(verdict);

  let login = input.newLogin;
  if (login === undefined) {
    try {
      login = openCredential(config.credentialKey, presence.credential!, presence.id).login;
    } catch (err) {
      if (!(err instanceof CredentialError)) throw err;
      return passwordForm(svc, actor, where, presence.id, { newLogin: 'The stored login cannot be read: type the login too.' });
    }
  }
  const problem = cityLoginProblem(login, config.cityLogin);
  if (problem) return passwordForm(svc, actor, where, presence.id, { newLogin: input.newLogin === undefined ? `The stored login is not on a City address: type the account's City login. ${problem}` : problem });

  const sealed = sealCredential(config.credentialKey, { login, password: input.newPassword }, presence.id);
  const now = svc.now();
  const afterHandover = passwordNotChangedSinceHandover({ handedOverAt: presence.handedOverAt, credentialChangedAt: presence.credentialChangedAt, hasCredential: true });
  await db.$transaction(async (tx) => {
    // Guarded on the stored value: two people changing it at once do not silently overwrite each other.
    const { count } = await tx.presence.updateMany({
      where: { id: presence.id, credential: presence.credential, state: { in: ['active', 'suspended'] } },
      data: { credential: sealed, credentialChangedAt: now, credentialChangedById: actor.personId },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'Someone changed this presence meanwhile, so nothing was saved. Open it again and record the password from there.');
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.password_changed',
      entityType: 'presence',
      entityId: presence.id,
      data: { handle: presence.handle, as: verdict.as, loginChanged: input.newLogin !== undefined, afterHandover, where: where.kind },
    }, now);
    if (verdict.as === 'it') {
      await enqueueToPerson(tx, presence.ownerId, {
        summary: `${actor.name} (IT) recorded a new password for ${presence.handle}`,
        card: svc.present.noticeCard({ headline: `New password for ${presence.handle}`, detail: `${actor.name} (IT) recorded a new password for it.`, color: 'accent', about: 'You can reveal it from the presence in your personal chat; each time is recorded.', action: { title: 'Open it', verb: 'presence.open', presenceId: presence.id } }),
      });
    }
  }, TX_OPTIONS);
  return { screen: 'presence', view: await openPresence(svc, actor, where, presence.id, { text: 'New password recorded, encrypted. Only the owner and IT can reveal it.', color: 'default' }) };
}

import type { Actor } from '../../domain/roles';
import { canGoLive, type Place } from '../../domain/presence';
import { sealCredential } from '../../domain/credential-crypto';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import type { TGoLive } from '../../verbs/registry';
import { factsOf, loadPresence } from './load-presence';
import { keptSetupValues, openPresence, setupForm, type SetupScreen } from './presence-reads';
import { cityLoginProblem } from '../../domain/city-login';
import { orAsItStands } from '../engines/stale-click';
import type { PresenceView } from './presence-views';
import { enqueuePresenceEvent } from '../webhooks/webhook-events';

/**
 * REG-2, REG-5: the owner records the account's address and login and confirms the City's notice is posted; the
 * presence becomes active. The login is sealed before the transaction and only the ciphertext is written: the audit
 * event says a credential was stored, never what it is.
 */
/**
 * REG-3: the login must be on a City address (the City is the registrant): a personal one comes back on the form with
 * why, and nothing is saved. Otherwise the presence goes live as below.
 */
export async function goLiveScreen(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, where: Place, input: Omit<TGoLive, 'verb'>): Promise<SetupScreen> {
  const problem = cityLoginProblem(input.login, svc.config.cityLogin);
  if (problem) return setupForm(svc, actor, where, { presenceId: input.presenceId }, { values: keptSetupValues(input), errors: { login: problem }, passwordAgain: true });
  return { screen: 'presence', view: await goLive(svc, actor, where, input) };
}

export function goLive(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, where: Place, input: Omit<TGoLive, 'verb'>): Promise<PresenceView> {
  return orAsItStands(() => setUp(svc, actor, where, input), (why) => openPresence(svc, actor, where, input.presenceId, { text: why, color: 'warning' }));
}

async function setUp(svc: Pick<Services, 'db' | 'config' | 'now'>, actor: Actor, where: Place, input: Omit<TGoLive, 'verb'>): Promise<PresenceView> {
  const { db, config } = svc;
  // startBot generates a key in local mode and loadConfig refuses production without one, so this is a wiring bug.
  if (!config.credentialKey) throw new Error('no credential key configured');
  const presence = await loadPresence(db, input.presenceId);
  const verdict = canGoLive(factsOf(presence), actor, where);
  if (verdict.refused) refusedWith(verdict);

  const sealed = sealCredential(config.credentialKey, { login: input.login, password: input.password }, presence.id);
  const now = svc.now();
  await db.$transaction(async (tx) => {
    // Guarded on the state alone: an edit of other details meanwhile should not make the owner type the password again.
    const { count } = await tx.presence.updateMany({
      where: { id: presence.id, state: 'approved_not_live' },
      data: { state: verdict.next, accountUrl: input.accountUrl, credential: sealed, credentialChangedAt: now, credentialChangedById: actor.personId, noticeConfirmedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'This presence was set up just now; your click did not change anything.');
    await enqueuePresenceEvent(tx, config, 'presence.registered', presence.id, now);
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.went_live',
      entityType: 'presence',
      entityId: presence.id,
      data: { from: presence.state, to: verdict.next, accountUrl: input.accountUrl, credentialStored: true, noticeConfirmedAt: now.toISOString() },
    });
  }, TX_OPTIONS);
  return openPresence(svc, actor, where, presence.id, { text: 'It is active. Its login is stored encrypted; only you and IT can reveal it.', color: 'good' });
}

import type { Router } from '../../src/teams/router';
import { AppError } from '../../src/errors/app-error';
import { STATE_TARGETS, type StateTarget } from '../../src/domain/presence';
import { registryView } from '../../src/services/presence/presence-views';
import { editForm, keptSetupValues, openPresence, pickEditValues, setupForm, type SetupScreen } from '../../src/services/presence/presence-reads';
import { goLiveScreen } from '../../src/services/presence/go-live';
import { editPresenceScreen } from '../../src/services/presence/edit-presence';
import { revealCredential } from '../../src/services/presence/reveal-credential';
import { setPresenceState } from '../../src/services/presence/set-presence-state';
import type { FieldErrors } from '../../src/verbs/parse';
import { presenceCard } from '../../cards/registry/presence-card';
import { registryCard } from '../../cards/registry/registry-card';
import { goLiveCard } from '../../cards/registry/go-live-card';
import { editCard } from '../../cards/registry/edit-card';
import { requestChange } from '../../src/services/presence/request-change';
import { renderRequest } from '../presence-request/render';
import { revealedCard } from '../../cards/registry/revealed-card';
import { register as registerCustody } from './custody';

const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

/** The presenceId of a form whose inputs failed: the form comes back only if the card itself names a presence. */
function formPresenceId(values: Record<string, string>, errors: FieldErrors): string {
  if (errors.presenceId || !values.presenceId) throw new AppError('INVALID_INPUT', NO_PRESENCE);
  return values.presenceId;
}

const renderSetup = (s: SetupScreen) => (s.screen === 'setup' ? goLiveCard(s.view) : presenceCard(s.view));

/** REG-1, REG-2, REG-5, FRESH-2/3: the registry, each presence's record, its setup, edits, login and state. */
export function register(router: Router): void {
  registerCustody(router);
  router.entry(
    { title: 'Registry', description: 'See every official City social media account, by department, platform and state.', verb: 'registry.show', command: 'registry', visible: () => true },
    async (turn) => registryCard(await registryView(turn.services, {})),
  );
  router.verb(
    'registry.filter',
    async (turn, { verb: _verb, ...filters }) => registryCard(await registryView(turn.services, filters)),
    'Those filters are not ones the registry knows. Type "registry" for a fresh card.',
  );
  router.verb('presence.open', async (turn, data) => presenceCard(await openPresence(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);

  router.verb('presence.setup.start', async (turn, data) => renderSetup(await setupForm(turn.services, turn.actor, turn.where, data)), NO_PRESENCE);
  router.verb(
    'presence.golive',
    async (turn, { verb: _verb, ...input }) => renderSetup(await goLiveScreen(turn.services, turn.actor, turn.where, input)),
    // Issue 10: what was typed stays on the form, except the password, which a card never carries back.
    async (turn, bad) => renderSetup(await setupForm(turn.services, turn.actor, turn.where, { presenceId: formPresenceId(bad.values, bad.errors) }, { values: keptSetupValues(bad.values), errors: bad.errors, passwordAgain: Boolean(bad.values.password?.trim()) })),
  );

  router.verb('presence.change.start', async (turn, data) => renderRequest(await requestChange(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);
  router.verb('presence.edit.start', async (turn, data) => editCard(await editForm(turn.services, turn.actor, data.presenceId)), NO_PRESENCE);
  router.verb(
    'presence.edit',
    async (turn, { verb: _verb, ...input }) => {
      const out = await editPresenceScreen(turn.services, turn.actor, turn.where, input);
      return out.screen === 'form' ? editCard(out.view) : presenceCard(out.view);
    },
    async (turn, bad) => editCard(await editForm(turn.services, turn.actor, formPresenceId(bad.values, bad.errors), { values: pickEditValues(bad.values), errors: bad.errors })),
  );

  router.verb(
    'presence.reveal',
    async (turn, data) => {
      const { presence, credential } = await revealCredential(turn.services, turn.actor, turn.where, data.presenceId);
      return revealedCard({ presenceId: presence.id, handle: presence.handle, ...credential });
    },
    NO_PRESENCE,
  );

  router.verb(
    'presence.state',
    async (turn, { verb: _verb, ...input }) => presenceCard(await setPresenceState(turn.services, turn.actor, turn.where, input)),
    async (turn, bad) => {
      const to = bad.values.to as StateTarget;
      if (!bad.errors.reason || !STATE_TARGETS.includes(to)) throw new AppError('INVALID_INPUT', NO_PRESENCE);
      return presenceCard(await openPresence(turn.services, turn.actor, turn.where, formPresenceId(bad.values, bad.errors), undefined, { to, message: bad.errors.reason }));
    },
  );
}

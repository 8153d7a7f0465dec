import type { Router } from '../../src/teams/router';
import { AppError } from '../../src/errors/app-error';
import { passwordForm, recordPassword, type PasswordScreen } from '../../src/services/presence/change-password';
import { handOverForm, handOverPresence, type HandOverScreen } from '../../src/services/presence/hand-over-presence';
import { presenceCard } from '../../cards/registry/presence-card';
import { passwordCard } from '../../cards/registry/password-card';
import { handOverCard } from '../../cards/registry/hand-over-card';
import { nameLookup } from '../../src/teams/member-info';

const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

export const renderPassword = (s: PasswordScreen) => (s.screen === 'form' ? passwordCard(s.view) : presenceCard(s.view));
export const renderHandOver = (s: HandOverScreen) => (s.screen === 'form' ? handOverCard(s.view) : presenceCard(s.view));

/** The card names a presence only if its presenceId parsed; otherwise there is no form to send back. */
function namedPresence(values: Record<string, string>, errors: Record<string, string | undefined>): string {
  if (errors.presenceId || !values.presenceId) throw new AppError('INVALID_INPUT', NO_PRESENCE);
  return values.presenceId;
}

/** REG-2, REG-1: recording a changed password, and handing a presence over. Thin: parse, call one service, render. */
export function register(router: Router): void {
  router.verb('presence.password.start', async (turn, data) => renderPassword(await passwordForm(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);
  router.verb(
    'presence.password',
    async (turn, { verb: _verb, ...input }) => renderPassword(await recordPassword(turn.services, turn.actor, turn.where, input)),
    // The raw values hold the password: none of them goes back on the form, only what was wrong.
    async (turn, bad) => renderPassword(await passwordForm(turn.services, turn.actor, turn.where, namedPresence(bad.values, bad.errors), bad.errors)),
  );

  router.verb('presence.handover.start', async (turn, data) => renderHandOver(await handOverForm(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);
  router.verb(
    'presence.handover',
    async (turn, { verb: _verb, ...input }) => renderHandOver(await handOverPresence(turn.services, turn.actor, turn.where, input, nameLookup(turn.ctx))),
    async (turn, bad) =>
      renderHandOver(await handOverForm(turn.services, turn.actor, turn.where, namedPresence(bad.values, bad.errors), { values: { newOwnerId: bad.values.newOwnerId, newOwnerIdTyped: bad.values.newOwnerIdTyped?.slice(0, 100), handoverReason: bad.values.handoverReason?.slice(0, 500) }, errors: bad.errors })),
  );
}

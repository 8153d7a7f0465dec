import type { Router } from '../../src/teams/router';
import { confirmStillActive } from '../../src/services/freshness/confirm-active';
import { decideEscalation } from '../../src/services/freshness/director-decision';
import { presenceCard } from '../../cards/registry/presence-card';
import { freshnessEscalation } from '../../cards/freshness/freshness-cards';
import { retireByOwner } from '../../src/services/freshness/owner-actions';
import { afterDecision } from '../reviews/after-decision';
import { nameLookup } from '../../src/teams/member-info';

const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

/** FRESH-1: the buttons of the owner's weekly digest; FRESH-2: the IT Director's actions on an escalation. */
export function register(router: Router): void {
  router.verb('freshness.still_active', async (turn, data) => presenceCard(await confirmStillActive(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);
  router.verb('freshness.retire', async (turn, data) => presenceCard(await retireByOwner(turn.services, turn.actor, turn.where, data)), 'This card does not name a presence, or the reason is over 500 characters. Nothing was changed.');
  router.verb(
    'freshness.decide',
    async (turn, { verb: _verb, ...input }) => afterDecision(turn, await decideEscalation(turn.services, turn.actor, input, nameLookup(turn.ctx)), freshnessEscalation),
    'This card does not name an escalation and an action, its note is over 1,000 characters, or a typed name is over 100. Nothing was changed.',
  );
}

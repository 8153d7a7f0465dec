import type { Router } from '../../src/teams/router';
import { confirmStillActive } from '../../src/services/freshness/confirm-active';
import { presenceCard } from '../../cards/registry/presence-card';

const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

/** FRESH-1: the buttons of the owner's weekly digest. */
export function register(router: Router): void {
  router.verb('freshness.still_active', async (turn, data) => presenceCard(await confirmStillActive(turn.services, turn.actor, turn.where, data.presenceId)), NO_PRESENCE);
}

import type { Router } from '../../src/teams/router';
import { searchDataset } from '../../src/services/people/search-datasets';
import { SEARCH_DATASETS } from '../../src/verbs/search';

/** Typeahead for the cards' long lists (issue 10): departments and people, answered by the bot. */
export function register(router: Router): void {
  for (const dataset of SEARCH_DATASETS) router.search(dataset, (turn, query) => searchDataset(turn.services, turn.actor, turn.where, query));
}

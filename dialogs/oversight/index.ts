import type { Router } from '../../src/teams/router';
import { postHistory } from '../../src/services/oversight/post-history';
import { correctionForm, recordCorrection } from '../../src/services/oversight/record-correction';
import { presenceOversight } from '../../src/services/oversight/presence-oversight';
import { recordReferral, referralForm } from '../../src/services/oversight/police-referral';
import { correctionFormCard, postHistoryCard } from '../../cards/oversight/post-history-card';
import { oversightCard, referralFormCard } from '../../cards/oversight/referral-cards';

const NO_POST = 'This card does not name a post. Nothing was changed.';
const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

/** REC-4: a post's history and IT's edits or removals; REC-3: the IT Director's referrals to the Police Department. */
export function register(router: Router): void {
  router.verb('post.history', async (turn, data) => postHistoryCard(await postHistory(turn.services, turn.actor, data.postId)), NO_POST);
  router.verb('post.correct.start', async (turn, data) => correctionFormCard(await correctionForm(turn.services, turn.actor, data.postId)), NO_POST);
  router.verb(
    'post.correct',
    async (turn, { verb: _verb, ...input }) => {
      const out = await recordCorrection(turn.services, turn.actor, input);
      return out.screen === 'form' ? correctionFormCard(out.view) : postHistoryCard(out.view);
    },
    'This card does not name a post, or an answer is too long (reason up to 1,000 characters, text up to 5,000). Nothing was changed.',
  );
  router.verb('presence.oversight', async (turn, data) => oversightCard(await presenceOversight(turn.services, turn.actor, data.presenceId)), NO_PRESENCE);
  router.verb('referral.start', async (turn, { verb: _verb, ...input }) => referralFormCard(await referralForm(turn.services, turn.actor, input)), NO_PRESENCE);
  router.verb(
    'referral.record',
    async (turn, { verb: _verb, ...input }) => {
      const out = await recordReferral(turn.services, turn.actor, input);
      return out.screen === 'form' ? referralFormCard(out.view) : oversightCard(out.view);
    },
    'This card does not name a presence, or an answer is too long (case number up to 40 characters, note up to 1,000). Nothing was changed.',
  );
}

import type { Router } from '../../src/teams/router';
import { AppError } from '../../src/errors/app-error';
import { nameLookup, profileOf } from '../../src/teams/member-info';
import { startRequest, saveRequestStep } from '../../src/services/presence/save-request-step';
import { submitRequest } from '../../src/services/presence/submit-request';
import { stopRequest } from '../../src/services/presence/stop-request';
import { confirmStopOrDiscard, discardDraft } from '../../src/services/presence/discard-draft';
import { confirmCard } from '../../cards/common/confirm-card';
import { personalOnly } from '../../src/teams/personal-only';
import { decideReview } from '../../src/services/presence/decide-review';
import { editRequestStep, myRequests, openRequest } from '../../src/services/presence/request-reads';
import { myRequestsCard } from '../../cards/presence-request/my-requests-card';
import { reviewCard } from '../../cards/presence-request/review-card';
import { afterDecision } from '../reviews/after-decision';
import { renderRequest } from './render';
import { platformDecisionCard } from '../../cards/presence-request/platform-decision-card';
import { decidePlatformCard } from '../../src/services/presence/decide-platform';

/** Drafts stay in the personal chat (issue 10): elsewhere every request verb answers with the way there. */
const mine = { what: 'Requests are made', command: 'my requests' };
const NO_REQUEST = 'This card does not name a request. Type "my requests" for a fresh card.';

/** REQ-1..REQ-4: request a presence through guided cards; reviewers decide on the channel cards. */
export function register(router: Router): void {
  router.entry(
    { title: 'Request a presence', description: 'Ask IT and the City Attorney to approve a new official social media account.', verb: 'request.start', command: 'request a presence', visible: (_a, where) => where.kind === 'personal' },
    personalOnly({ ...mine, command: 'request a presence' }, async (turn) => renderRequest(await startRequest(turn.services, turn.actor, turn.where, turn.where.kind === 'personal' ? await profileOf(turn.ctx) : {}))),
  );
  router.entry(
    { title: 'My requests', description: 'Continue a draft, revise a returned request, or see where yours stand.', verb: 'requests.mine', command: 'my requests', visible: (_a, where) => where.kind === 'personal' },
    personalOnly(mine, async (turn) => myRequestsCard(await myRequests(turn.services, turn.actor))),
  );

  router.verb(
    'request.step',
    personalOnly(mine, async (turn, { verb: _verb, requestId, step, nav, ...values }) => renderRequest(await saveRequestStep(turn.services, turn.actor, { requestId, step, nav, values }, nameLookup(turn.ctx)))),
    'This card is incomplete. Type "my requests" to continue your request.',
  );
  router.verb('request.edit', personalOnly(mine, async (turn, data) => renderRequest(await editRequestStep(turn.services, turn.actor, data.requestId, data.step))), 'This card does not name a step.');
  router.verb('request.open', personalOnly(mine, async (turn, data) => renderRequest(await openRequest(turn.services, turn.actor, data.requestId))), NO_REQUEST);
  router.verb('request.submit', personalOnly(mine, async (turn, data) => renderRequest(await submitRequest(turn.services, turn.actor, data.requestId))), NO_REQUEST);
  // Destructive: the plain button brings the confirm card; only its Yes (confirmed) acts, checked from scratch.
  router.verb('request.stop', personalOnly(mine, async (turn, data) => (data.confirmed ? myRequestsCard(await stopRequest(turn.services, turn.actor, data.requestId)) : confirmCard(await confirmStopOrDiscard(turn.services, turn.actor, data.requestId, 'stop')))), NO_REQUEST);
  router.verb('request.discard', personalOnly(mine, async (turn, data) => (data.confirmed ? myRequestsCard(await discardDraft(turn.services, turn.actor, data.requestId)) : confirmCard(await confirmStopOrDiscard(turn.services, turn.actor, data.requestId, 'discard')))), NO_REQUEST);

  // REQ-7: the IT Director records the decision on a platform once; later requests show it.
  router.verb(
    'platform.decide',
    async (turn, { verb: _verb, ...input }) => platformDecisionCard(await decidePlatformCard(turn.services, turn.actor, input)),
    'This card does not name a platform decision, or its reasoning is over 2,000 characters. Nothing was changed.',
  );
  router.verb('review.decide', async (turn, data) => afterDecision(turn, await decideReview(turn.services, turn.actor, data), reviewCard), async (_turn, bad) => {
    throw new AppError('INVALID_INPUT', bad.errors.reason ?? 'This card does not name a review.');
  });
}

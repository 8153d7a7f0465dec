import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { isAdmin } from '../../src/domain/roles';
import { addSubscriber, disableSubscriber, listSubscribers } from '../../src/services/webhooks/manage-subscribers';
import { webhooksCard, type WebhooksCardView } from '../../cards/webhooks/webhooks-card';

async function show(turn: Turn, extra: Omit<WebhooksCardView, 'subscribers' | 'timeZone'> = {}) {
  return webhooksCard({ subscribers: await listSubscribers(turn.services, turn.actor), timeZone: turn.services.config.timeZone, ...extra });
}

/** `webhooks` (admins): register subscribers for signed event deliveries, see their state, disable one (issue 12). */
export function register(router: Router): void {
  router.entry(
    { title: 'Webhooks', description: 'Tell other systems of approved posts and registry changes, signed.', verb: 'webhooks.show', command: 'webhooks', visible: (actor) => isAdmin(actor) },
    (turn) => show(turn),
  );
  router.verb(
    'webhook.add',
    async (turn, data) => {
      const outcome = await addSubscriber(turn.services, turn.actor, { url: data.url, events: data.events });
      if (!outcome.ok) return show(turn, { notice: { text: `${outcome.problem}. Nothing was added.`, color: 'attention' }, form: { url: data.url, events: data.events } });
      return show(turn, { notice: { text: `Added. Events go to ${outcome.subscriber.url} from now on.`, color: 'good' }, secret: { url: outcome.subscriber.url, value: outcome.secret } });
    },
    'This card did not send an address. Type "webhooks" for a fresh card.',
  );
  router.verb(
    'webhook.disable',
    async (turn, data) => {
      const outcome = await disableSubscriber(turn.services, turn.actor, data.subscriberId);
      return show(turn, { notice: { text: outcome.changed ? `Disabled: nothing more goes to ${outcome.url}.` : 'That subscriber was already disabled.', color: 'default' } });
    },
    'This card does not name a subscriber. Type "webhooks" for a fresh card.',
  );
}

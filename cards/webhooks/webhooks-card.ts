import type { SubscriberView } from '../../src/services/webhooks/manage-subscribers';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from '../../src/domain/webhooks';
import { actionSet, card, confirm, container, execute, facts, formatWhen, heading, status, text, title, type Color, type Element } from '../common/elements';
import { choiceInput, textInput } from '../common/inputs';
import { phoneSafe, preview } from '../common/phone-text';

export interface WebhooksCardView {
  subscribers: SubscriberView[];
  timeZone: string;
  notice?: { text: string; color: Color };
  /** The new subscriber's signing secret: on this card once, never again. */
  secret?: { url: string; value: string };
  form?: { url?: string; events?: string[] };
}

/** Admins: systems told of approved posts and registry changes, signed per Standard Webhooks (issue 12). */
export function webhooksCard(v: WebhooksCardView) {
  return card(
    [
      title('Webhooks'),
      text('Other systems (the City website, an archive) are told when a post is approved or published and when an account goes live or changes state. Every delivery is signed; failed ones are retried and then listed under delivery problems.', { subtle: true, size: 'Small' }),
      v.notice && status(v.notice.text, v.notice.color),
      v.secret &&
        container([
          heading('Signing secret: copy it now'),
          text(`Give this to the team that runs ${preview(v.secret.url, 80)}. It is shown only this once; to change it, disable this subscriber and add it again.`, { size: 'Small' }),
          text(v.secret.value, { weight: 'Bolder' }),
        ], 'emphasis'),
      ...v.subscribers.map((s) =>
        container([
          heading(preview(s.url, 80)),
          facts([
            ['State', s.state === 'active' ? 'Active' : 'Disabled'],
            ['Events', s.events.join(', ')],
            ['Waiting', String(s.waiting)],
            ['Gave up', s.dead ? `${s.dead} (see delivery problems)` : '0'],
            ['Added', formatWhen(s.createdAt, v.timeZone)],
          ]),
          s.state === 'active' &&
            actionSet([confirm('Disable', [text(`Stop sending events to ${phoneSafe(preview(s.url, 80))}? Events waiting for it will not be sent.`)], execute('Disable', { verb: 'webhook.disable', subscriberId: s.id }, 'destructive'))]),
        ].filter((e): e is Element => Boolean(e))),
      ),
      v.subscribers.length === 0 && text('No subscribers yet.'),
      heading('Add a subscriber'),
      ...textInput({ id: 'url', label: 'Address that receives the events (https)', value: v.form?.url, style: 'Url', maxLength: 500, placeholder: 'https://www.cityofmadison.com/hooks/social' }),
      ...choiceInput({ id: 'events', label: 'Events', multiSelect: true, expanded: true, value: (v.form?.events ?? [...WEBHOOK_EVENTS]).join(','), choices: WEBHOOK_EVENTS.map((e) => ({ title: `${WEBHOOK_EVENT_LABELS[e]} (${e})`, value: e })) }),
      actionSet([execute('Add subscriber', { verb: 'webhook.add' }, 'positive')]),
    ],
    [execute('Refresh', { verb: 'webhooks.show' }), execute('Delivery problems', { verb: 'delivery.problems' }), execute('Back to help', { verb: 'help.show' })],
  );
}

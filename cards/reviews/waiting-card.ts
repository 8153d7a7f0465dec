import type { WaitingView } from '../../src/services/reviews/waiting-for-me';
import { actionSet, card, columns, execute, heading, status, text, title, type Element } from '../common/elements';

/** `reviews`: what waits for this person's decision, by kind, each with Open (issue 10). */
export function waitingCard(v: WaitingView & { notice?: string }) {
  const body: Element[] = [title('Reviews waiting for you'), status(v.notice ?? (v.total ? `${v.total} waiting for your decision, oldest first.` : 'Nothing is waiting for your decision.'))];
  for (const g of v.groups) {
    if (!g.items.length) continue;
    body.push(heading(g.heading));
    for (const item of g.items) {
      const { title: t, ...open } = item.open;
      body.push(columns([{ items: [text(item.label, { weight: 'Bolder' }), text(item.detail, { subtle: true, size: 'Small' })] }, { width: 'auto', items: [actionSet([execute(t, open)])] }]));
    }
  }
  return card(body, [execute('Back to help', { verb: 'help.show' })]);
}

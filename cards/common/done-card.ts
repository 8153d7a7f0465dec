import type { DoneView } from '../../src/services/done-view';
import { card, execute, status, title } from './elements';

export type { DoneView };

/** After an action: the outcome first, what comes next, and the way to the details (CARDS.md "After an action"). */
export function doneCard(v: DoneView) {
  const { title: detailsTitle, ...details } = v.details;
  const more = (v.more ?? []).map(({ title: t, ...data }) => execute(t, data));
  // The most wanted next step leads: "Next review" when offered, otherwise the details.
  const [lead, ...rest] = more.length && v.more?.[0].verb === 'reviews.next' ? [more[0], execute(detailsTitle, details), ...more.slice(1)] : [execute(detailsTitle, details), ...more];
  return card([title(v.headline), status(v.next)], [{ ...lead, style: 'positive' }, ...rest]);
}

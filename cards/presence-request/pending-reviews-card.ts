import { card, columns, actionSet, execute, status, text, title, type Element } from '../common/elements';

export interface PendingRow {
  reviewId: string;
  label: string;
  detail: string;
}

/** `reviews`: what waits for the reviewer's decision, wherever its channel card has scrolled to. */
export function pendingReviewsCard(v: { rows: PendingRow[] }) {
  const rows: Element[] = v.rows.map((r) =>
    columns([
      { items: [text(r.label, { weight: 'Bolder' }), text(r.detail, { subtle: true, size: 'Small' })] },
      { width: 'auto', items: [actionSet([execute('Open', { verb: 'review.open', reviewId: r.reviewId })])] },
    ]),
  );
  return card(
    [title('Reviews waiting for you'), status(v.rows.length ? `${v.rows.length} request${v.rows.length > 1 ? 's' : ''} to decide, oldest first.` : 'Nothing is waiting for your decision.', v.rows.length ? 'warning' : 'good'), ...rows],
    [execute('Back to help', { verb: 'help.show' })],
  );
}

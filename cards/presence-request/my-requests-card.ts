import { card, columns, actionSet, execute, status, text, title, type Element } from '../common/elements';

export interface RequestRow {
  requestId: string;
  label: string;
  statusLine: string;
  updated: string;
  action: 'continue' | 'revise' | 'view';
}

/** `my requests`: drafts and requests with their state, each with Continue, Revise or View. */
export function myRequestsCard(v: { rows: RequestRow[]; notice?: string }) {
  const rows: Element[] = v.rows.map((r) =>
    columns([
      { items: [text(r.label, { weight: 'Bolder' }), text(`${r.statusLine} · updated ${r.updated}`, { subtle: true, size: 'Small' })] },
      {
        width: 'auto',
        items: [
          actionSet([
            execute(r.action === 'continue' ? 'Continue' : r.action === 'revise' ? 'Revise' : 'View', { verb: 'request.open', requestId: r.requestId }),
            // A draft never sent can go; the click leads to a confirm card first.
            r.action === 'continue' ? execute('Discard', { verb: 'request.discard', requestId: r.requestId }) : null,
          ].filter((a) => a !== null)),
        ],
      },
    ]),
  );
  return card(
    [title('My requests'), status(v.notice ?? (v.rows.length ? 'Your drafts and requests, newest first.' : 'You have no requests yet.'), v.notice ? 'good' : 'default'), ...rows],
    [execute('Request a presence', { verb: 'request.start' }, 'positive'), execute('Back to help', { verb: 'help.show' })],
  );
}

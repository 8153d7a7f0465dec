import { bullets, card, columns, actionSet, briefFacts, container, execute, heading, status, text, title, type Element } from '../common/elements';
import { errorSummary } from '../common/inputs';
import type { Section } from '../../src/services/presence/describe-request';
import { preview } from '../common/phone-text';

export interface SummaryView {
  requestId: string;
  statusLine: string;
  statusColor?: 'default' | 'good' | 'warning' | 'attention';
  sections: Section[];
  editable: boolean;
  /** Set when submitting found a step that still needs work. */
  problem?: string;
  /** Decisions so far, newest first: "IT returned it on ... : reason". */
  history: string[];
  canStop?: 'withdraw' | 'cancel' | 'discard';
  /** REQ-7: the IT Director's decision on the platform. */
  platformLine?: string;
}

function sectionBlock(s: Section, requestId: string, editable: boolean): Element {
  const head: Element = editable
    ? columns([{ items: [heading(s.title)] }, { width: 'auto', items: [actionSet([execute('Edit', { verb: 'request.edit', requestId, step: s.step })])] }])
    : heading(s.title);
  // Long answers show their start; the whole section is one tap away, so Submit stays within two phone screens.
  return container([head, briefFacts(`section-${s.step}`, s.facts.map(([k, v]) => [k, v ?? 'Not answered yet']), 32)]);
}

/** Everything in one place, each section with its own Edit, then Submit (CARDS.md). Also the requester's view later. */
export function summaryCard(v: SummaryView) {
  // Plain buttons that lead to a confirm card (CARDS.md): the loudest button stays Submit, never the undoing one.
  const stop = v.canStop && execute(v.canStop === 'withdraw' ? 'Withdraw' : v.canStop === 'discard' ? 'Discard draft' : 'Cancel request', { verb: v.canStop === 'discard' ? 'request.discard' : 'request.stop', requestId: v.requestId });
  return card(
    [
      title('Request a social media presence'),
      status(v.statusLine, v.statusColor ?? 'default'),
      v.platformLine ? text(v.platformLine, { size: 'Small' }) : null,
      v.problem ? errorSummary({ _form: v.problem }) : null,
      v.problem ? text(v.problem, { color: 'attention' }) : null,
      ...v.sections.map((s) => sectionBlock(s, v.requestId, v.editable)),
      v.history.length ? heading('History') : null,
      // Each decision's start only, so Submit stays within two phone screens; "See request" cards keep the rounds whole.
      v.history.length ? bullets(v.history.map((h) => preview(h, 140)), { size: 'Small' }) : null,
    ],
    [v.editable && execute('Submit for review', { verb: 'request.submit', requestId: v.requestId }, 'positive'), stop, { ...execute('My requests', { verb: 'requests.mine' }), mode: 'secondary' }],
  );
}

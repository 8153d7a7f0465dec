import { card, container, execute, facts, status, text, title, type Element } from '../common/elements';
import { textInput } from '../common/inputs';
import type { PlatformDecisionView } from '../../src/services/presenters';
import { MAX_REASONING } from '../../src/domain/platform-decision';

/**
 * REQ-7 (Role of IT 2): the IT Director decides once whether a platform lets the City comply with the Wisconsin
 * Public Records Law (sec. 3.70(3)(b)9 MGO), with the reasoning as a required note; the same message then shows the
 * decision for everyone who received it.
 */
export function platformDecisionCard(v: PlatformDecisionView) {
  const decide = (decision: 'allowed' | 'not_allowed') => ({ verb: 'platform.decide' as const, decisionId: v.decisionId, decision });
  const decided: Element | null = v.decided
    ? container([status(`${v.decided.outcome === 'allowed' ? 'Allowed' : 'Not allowed'} by ${v.decided.by} on ${v.decided.at}`), text(`Reasoning: ${v.decided.reasoning}`)], v.decided.outcome === 'allowed' ? 'good' : 'attention')
    : null;
  return card(
    [
      title(`Platform decision: ${v.label}`),
      decided ?? status('Platform not yet decided by the IT Director', 'attention'),
      v.notice ? text(v.notice, { color: 'attention', weight: 'Bolder' }) : null,
      facts([['Platform', v.label], ['First named in', v.raisedBy]]),
      v.decided
        ? text('This decision is shown on every later request for this platform; a platform not allowed cannot be requested.', { subtle: true, size: 'Small' })
        : text('Decide once whether this platform lets the City comply with the Wisconsin Public Records Law, applying sec. 3.70(3)(b)9 MGO. The decision and its reasoning are shown on every later request for it; a platform not allowed cannot be requested.'),
      ...(v.decided
        ? []
        : textInput({ id: 'reasoning', label: 'Public-records reasoning (sec. 3.70(3)(b)9 MGO)', required: true, multiline: true, maxLength: MAX_REASONING, error: v.reasoningError, placeholder: 'Posts and comments can be exported and kept for the retention period; direct messages can be archived.', errorMessage: 'Give the reasoning' })),
    ],
    v.decided ? [] : [execute('Allowed', decide('allowed'), 'positive'), execute('Not allowed', decide('not_allowed'))],
  );
}

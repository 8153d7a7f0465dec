import { actionSet, card, container, details, execute, facts, heading, showDetails, status, text, title, confirm, bullets, type Element } from '../common/elements';
import { textInput } from '../common/inputs';
import type { ReviewView } from '../../src/services/presenters';
import type { ReviewStage } from '../../src/domain/presence-request';

export type ReviewCardView = ReviewView;

const WHAT_TO_CHECK: Record<ReviewStage, string[]> = {
  authority: [
    "The account serves one of the department's uses of social media and its purpose is the department's.",
    'The people named to run it, approve its posts and speak for it are the right ones.',
    'After you approve, it goes to IT review, then the City Attorney.',
  ],
  it: [
    'Technical and network security issues of the platform (policy 3).',
    'Whether the platform lets the City meet the Wisconsin Public Records Law (sec. 3.70(3)(b)9 MGO).',
    'The direct-message answer: messages that cannot be archived must be turned off (policy 10).',
  ],
  attorney: ['First Amendment issues of the proposed use.', 'Public records and open meetings obligations.'],
};

const DETAILS = 'request-details';
const STAGE_TITLES: Record<ReviewStage, string> = { authority: 'Approving authority', it: 'IT review', attorney: 'City Attorney review' };

function banner(d: NonNullable<ReviewCardView['decided']>): Element {
  const words = d.outcome === 'approved' ? `Approved by ${d.by} on ${d.at}` : d.outcome === 'rejected' ? `Returned by ${d.by} on ${d.at}` : `Withdrawn by ${d.by} on ${d.at}`;
  // The banner's colour repeats the words; the words stay in the default colour (issue 19: good text is 2.1:1).
  return container([status(words, 'default'), d.reason ? text(`Reason: ${d.reason}`) : null].filter(Boolean) as Element[], d.outcome === 'approved' ? 'good' : 'attention');
}

/**
 * The card sent to the approving authority's personal chat (REQ-6), or posted to the IT review or City Attorney
 * channel; after a decision the same message shows the outcome.
 */
export function reviewCard(v: ReviewCardView) {
  const stageTitle = STAGE_TITLES[v.stage];
  const decideData = (decision: 'approve' | 'reject') => ({ verb: 'review.decide' as const, reviewId: v.reviewId, decision });
  return card(
    [
      title(`${stageTitle}: new social media presence`),
      v.decided ? banner(v.decided) : status(`Waiting for ${v.stage === 'authority' ? 'your approval as approving authority' : stageTitle}`, 'accent'),
      v.notice ? text(v.notice, { color: 'attention', weight: 'Bolder' }) : null,
      v.changeOf ? text(`A change to the approved presence ${v.changeOf}: a new account name or platform goes back through review.`, { weight: 'Bolder' }) : null,
      facts([['Requested by', v.requesterName], ['Submitted', v.submittedAt], ['IT approved at', v.itApprovedAt], ['Round', v.round > 1 ? `${v.round} (resubmitted after changes)` : undefined]]),
      // REQ-7: the IT Director's decision on the platform, flagged when there is none yet (or it is not allowed).
      v.platform ? text(v.platform.flagged ? `⚑ ${v.platform.text}` : v.platform.text, v.platform.flagged ? { color: 'attention', weight: 'Bolder' } : {}) : null,
      v.authorityDecision ? text(`Approving authority: ${v.authorityDecision}`) : null,
      v.itDecision ? text(`IT: ${v.itDecision}`) : null,
      v.decided ? null : heading('What to check'),
      v.decided ? null : bullets(WHAT_TO_CHECK[v.stage]),
      // Decision first (issue 19): the full request one tap away, so Approve stays within two phone screens.
      actionSet([showDetails(DETAILS, 'Show the request')]),
      details(DETAILS, v.sections.flatMap((s) => [heading(s.title), facts(s.facts.map(([k, val]) => [k, val ?? '-']))])),
    ],
    v.decided
      ? []
      : [
          execute('Approve', decideData('approve'), 'positive'),
          confirm(
            'Return for changes',
            [...textInput({ id: 'reason', label: 'Why are you returning it?', required: true, multiline: true, placeholder: 'The handle is a personal account; register it to a City address.', error: v.reasonError, errorMessage: 'Say why, so the requester knows what to fix' })],
            execute('Return to requester', decideData('reject'), 'destructive'),
          ),
        ],
  );
}

import { bullets, card, confirm, container, execute, facts, heading, status, text, title, type Element } from '../common/elements';
import { textInput } from '../common/inputs';
import type { PostApprovalView } from '../../src/services/posts/post-views';
import { findingsSection, roundLinesText } from './findings';
import { postContent } from './post-content';

const WHAT_TO_CHECK = [
  'It speaks for the City and its department, on this presence\'s purpose.',
  'Nothing in it could compromise the safety of a person, group, building or facility.',
  'It links to the City website, with the disclaimer when a link leaves it.',
];

/** POST-6: the approving authority's card; after a decision the same message shows the outcome for everyone. */
export function postApprovalCard(v: PostApprovalView) {
  const decide = (decision: 'approve' | 'return') => ({ verb: 'post.decide' as const, roundId: v.roundId, decision });
  const reason = (label: string, placeholder: string) => textInput({ id: 'reason', label, multiline: true, placeholder, maxLength: 1000, error: v.reasonError });
  const d = v.decided;
  const body: Array<Element | null> = [
    title(`Approve a post for ${v.handle}`),
    d
      ? container([status(`${d.outcome === 'approved' ? 'Approved' : 'Returned'} by ${d.by} on ${d.at}`), d.reason ? text(`Reason: ${d.reason}`) : null].filter(Boolean) as Element[], d.outcome === 'approved' ? 'good' : 'attention')
      : container([
          status(`Waiting for your approval${v.flags ? ` · ${v.flags} safety flag${v.flags > 1 ? 's' : ''}: a reason is needed to approve` : ''}`),
          // POST-6 (ADR 0010): the named authority or a head of the department decides; never the drafter.
          text(`${v.approverName} decides as approving authority. You can approve as department head of ${v.departmentName}, unless you drafted it.`, { size: 'Small' }),
        ], 'accent'),
    v.notice ? text(v.notice, { weight: 'Bolder' }) : null,
    facts([['Drafted by', v.drafterName], ['Department', v.departmentName], ['Platform', v.platformLabel], ['Submitted', v.submittedAt], ['Round', v.round > 1 ? `${v.round} (revised after changes)` : undefined]]),
    d ? null : heading('What to check'),
    d ? null : bullets(WHAT_TO_CHECK),
    heading('The post as it will read'),
    ...postContent(v.content),
    ...findingsSection(v.findings),
    v.earlier.length ? heading('Earlier rounds') : null,
    // Each earlier reason's start only: Approve stays within two screens at maximum length (issue 19).
    v.earlier.length ? bullets(roundLinesText(v.earlier, 3, 120)) : null,
  ];
  if (d) return card(body);
  return card(body, [
    v.flags
      ? confirm('Approve', [...reason('Why approve it despite the safety flags? (required)', 'The phone number is the shelter\'s public line.')], execute('Approve anyway', decide('approve'), 'positive'), 'default')
      : execute('Approve', decide('approve'), 'positive'),
    confirm('Return', [...reason('What should the drafter change? (required)', 'Add the link to the Parks page and shorten the second sentence.')], execute('Return to drafter', decide('return'), 'destructive')),
  ]);
}

import { bullets, card, container, execute, facts, heading, longNote, status, text, title, type Element } from '../common/elements';
import { choiceInput, textInput } from '../common/inputs';
import type { CorrectionFormView, PostHistoryView } from '../../src/services/oversight/oversight-views';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, VIOLATED_POLICIES, VIOLATED_POLICY_LABELS } from '../../src/domain/oversight/correction-rule';

/** REC-4: a post's history: as approved, its rounds, each edit or removal by IT with the original kept; REC-3 holds. */
export function postHistoryCard(v: PostHistoryView) {
  const body: Array<Element | null> = [
    title(`Post for ${v.handle} (${v.platformLabel})`),
    status(v.statusLabel),
    v.notice ? text(v.notice.text, { color: v.notice.color, weight: 'Bolder' }) : null,
    v.heldFor.length ? status(`Held for police case ${v.heldFor.join(', ')}: no one can change or delete it.`, 'attention') : null,
    heading('As approved'),
    longNote(`post-${v.postId}`, v.text || '(no text)'),
    v.publishedUrl ? facts([['Published at', v.publishedUrl]]) : null,
    v.rounds.length ? heading('Approval') : null,
    v.rounds.length ? bullets(v.rounds.map((r) => `Round ${r.round}: ${r.outcome}${r.by ? ` by ${r.by}` : ''}${r.at ? `, ${r.at}` : ''}${r.reason ? `: ${r.reason}` : ''}`), { size: 'Small' }) : null,
    v.corrections.length ? heading('Edits and removals by IT') : text('IT has not edited or removed this post.', { subtle: true, size: 'Small' }),
    ...v.corrections.map((c, i) =>
      container([
        text(`${c.kindLabel}, ${c.at}, by ${c.by}`, { weight: 'Bolder' }),
        facts([['Policy', c.policyLabel], ['Reason', c.reason]]),
        text('The post as it stood before (kept):', { subtle: true, size: 'Small' }),
        longNote(`original-${i}`, c.originalText || '(no text)'),
        ...(c.editedText ? [text('As IT left it:', { subtle: true, size: 'Small' }), longNote(`edited-${i}`, c.editedText)] : []),
      ], 'emphasis'),
    ),
  ];
  return card(body, [
    v.canCorrect && execute('Record an edit or removal', { verb: 'post.correct.start', postId: v.postId }),
    v.canRefer && execute('Refer to police', { verb: 'referral.start', presenceId: v.presenceId, postId: v.postId }),
    execute('Open the presence', { verb: 'presence.open', presenceId: v.presenceId }),
  ]);
}

/** REC-4: IT records what it did to a post that violates policy; the reason must name the policy. */
export function correctionFormCard(v: CorrectionFormView) {
  return card(
    [
      title(`Edit or removal of a post for ${v.handle}`),
      text('Record what IT did on the platform to a post that violates policy. The post as it stands is kept with the record, never overwritten.', { subtle: true }),
      v.error ? status(v.error, 'attention') : null,
      heading('The post as it stands'),
      longNote(`post-${v.postId}`, v.text || '(no text)'),
      ...choiceInput({ id: 'kind', label: 'What IT did', required: true, value: v.values.kind, choices: CORRECTION_KINDS.map((k) => ({ title: CORRECTION_KIND_LABELS[k], value: k })) }),
      ...choiceInput({ id: 'policy', label: 'The policy it violates', required: true, value: v.values.policy, expanded: false, choices: VIOLATED_POLICIES.map((p) => ({ title: VIOLATED_POLICY_LABELS[p], value: p })) }),
      ...textInput({ id: 'reason', label: 'Why it violates that policy (kept on record)', required: true, multiline: true, maxLength: 1000, value: v.values.reason }),
      ...textInput({ id: 'editedText', label: 'For an edit: the post as IT left it', multiline: true, maxLength: 5000, value: v.values.editedText }),
    ],
    [execute('Record it', { verb: 'post.correct', postId: v.postId }, 'positive'), execute('Cancel', { verb: 'post.history', postId: v.postId }, undefined, { associatedInputs: 'none' })],
  );
}

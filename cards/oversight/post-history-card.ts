import { bullets, card, container, execute, facts, heading, preview, status, text, title, type Element } from '../common/elements';
import { choiceInput, textInput } from '../common/inputs';
import type { CorrectionFormView, PostHistoryView } from '../../src/services/oversight/oversight-views';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, VIOLATED_POLICIES, VIOLATED_POLICY_LABELS } from '../../src/domain/oversight/correction-rule';

/** Cards stay under 24 KB whatever was typed (CARDS.md): long texts show their start; the records export has all. */
const short = (s: string, max: number) => preview(s, max).slice(0, max + 3);
const SHOWN_ROUNDS = 5;
const SHOWN_CORRECTIONS = 3;

/** REC-4: a post's history: as approved, its rounds, each edit or removal by IT with the original kept; REC-3 holds. */
export function postHistoryCard(v: PostHistoryView) {
  const body: Array<Element | null> = [
    title(`Post for ${v.handle} (${v.platformLabel})`),
    status(v.statusLabel),
    v.notice ? text(v.notice.text, { color: v.notice.color, weight: 'Bolder' }) : null,
    v.heldFor.length ? status(`Held for police case ${v.heldFor.join(', ')}: no one can change or delete it.`, 'attention') : null,
    heading('As approved'),
    text(short(v.text || '(no text)', 600)),
    v.publishedUrl ? facts([['Published at', short(v.publishedUrl, 200)]]) : null,
    v.rounds.length ? heading('Approval') : null,
    v.rounds.length ? bullets(v.rounds.slice(-SHOWN_ROUNDS).map((r) => `Round ${r.round}: ${r.outcome}${r.by ? ` by ${r.by}` : ''}${r.at ? `, ${r.at}` : ''}${r.reason ? `: ${short(r.reason, 200)}` : ''}`), { size: 'Small' }) : null,
    v.corrections.length ? heading('Edits and removals by IT') : text('IT has not edited or removed this post.', { subtle: true, size: 'Small' }),
    v.corrections.length > SHOWN_CORRECTIONS ? text(`The latest ${SHOWN_CORRECTIONS} of ${v.corrections.length}; a records export holds them all.`, { subtle: true, size: 'Small' }) : null,
    ...v.corrections.slice(-SHOWN_CORRECTIONS).map((c) =>
      container([
        text(`${c.kindLabel}, ${c.at}, by ${c.by}`, { weight: 'Bolder' }),
        facts([['Policy', c.policyLabel], ['Reason', short(c.reason, 300)]]),
        text('The post as it stood before (kept):', { subtle: true, size: 'Small' }),
        text(short(c.originalText || '(no text)', 500)),
        ...(c.editedText ? [text('As IT left it:', { subtle: true, size: 'Small' }), text(short(c.editedText, 500))] : []),
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
      text(short(v.text || '(no text)', 600)),
      ...choiceInput({ id: 'kind', label: 'What IT did', required: true, value: v.values.kind, choices: CORRECTION_KINDS.map((k) => ({ title: CORRECTION_KIND_LABELS[k], value: k })) }),
      ...choiceInput({ id: 'policy', label: 'The policy it violates', required: true, value: v.values.policy, expanded: false, choices: VIOLATED_POLICIES.map((p) => ({ title: VIOLATED_POLICY_LABELS[p], value: p })) }),
      ...textInput({ id: 'reason', label: 'Why it violates that policy (kept on record)', required: true, multiline: true, maxLength: 1000, value: v.values.reason }),
      ...textInput({ id: 'editedText', label: 'For an edit: the post as IT left it', multiline: true, maxLength: 5000, value: v.values.editedText }),
    ],
    [execute('Record it', { verb: 'post.correct', postId: v.postId }, 'positive'), execute('Cancel', { verb: 'post.history', postId: v.postId }, undefined, { associatedInputs: 'none' })],
  );
}

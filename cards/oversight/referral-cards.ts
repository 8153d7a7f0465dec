import { card, columns, container, execute, facts, actionSet, preview, status, text, title, bullets, type Element } from '../common/elements';
import { choiceInput, textInput } from '../common/inputs';
import type { OversightView, ReferralFormView } from '../../src/services/oversight/oversight-views';

const dateInput = (id: string, label: string, value: string | undefined, max: string): Element => ({ type: 'Input.Date', id, label, isRequired: true, errorMessage: 'Give the date', max, ...(value ? { value } : {}) });

const short = (s: string, max: number) => preview(s, max).slice(0, max + 3);
const SHOWN_REFERRALS = 3;
const SHOWN_POSTS = 10;

/** REC-3, REC-4: IT's view of a presence: its newest posts (each to its history) and its police referrals. */
export function oversightCard(v: OversightView) {
  return card(
    [
      title(`${v.handle} (${v.platformLabel}): posts and referrals`),
      v.notice ? text(v.notice.text, { color: v.notice.color, weight: 'Bolder' }) : null,
      v.referrals.length > SHOWN_REFERRALS ? text(`The latest ${SHOWN_REFERRALS} of ${v.referrals.length} referrals; a records export holds them all.`, { subtle: true, size: 'Small' }) : null,
      ...(v.referrals.length
        ? v.referrals.slice(-SHOWN_REFERRALS).map((r) =>
            container([
              text(`Police case ${r.caseNumber}`, { weight: 'Bolder' }),
              facts([['Found', r.foundOn], ['Reported', r.reportedOn], ['Recorded by', r.by], ['Note', r.note ? short(r.note, 300) : null]]),
              text('Kept for the investigation (no one can change or delete them):', { subtle: true, size: 'Small' }),
              bullets(r.held.slice(0, 5).map((h) => short(h, 60)).concat(r.held.length > 5 ? [`and ${r.held.length - 5} more`] : []), { size: 'Small' }),
            ], 'attention'),
          )
        : [text('No referral to the Police Department is on record for this presence.', { subtle: true, size: 'Small' })]),
      status(v.posts.length ? `Its ${v.posts.length} newest post${v.posts.length === 1 ? '' : 's'}:` : 'It has no posts.'),
      ...v.posts.slice(0, SHOWN_POSTS).map((p) =>
        columns([
          { items: [text(`${p.statusLabel}${p.corrections ? ` · ${p.corrections} by IT` : ''}${p.held ? ' · held for police' : ''}`, { weight: 'Bolder' }), text(short(p.excerpt, 80), { size: 'Small' })] },
          { width: 'auto', items: [actionSet([execute('History', { verb: 'post.history', postId: p.postId })])] },
        ]),
      ),
    ],
    [v.canRefer && execute('Refer to police', { verb: 'referral.start', presenceId: v.presenceId }), execute('Open the presence', { verb: 'presence.open', presenceId: v.presenceId })],
  );
}

/** REC-3 (APM "Role of IT" 4): the IT Director records a referral to the Police Department. */
export function referralFormCard(v: ReferralFormView) {
  return card(
    [
      title(`Refer ${v.handle} to the Police Department`),
      text('For criminal activity or a violation of law. The records you keep can no longer be changed or deleted by anyone. The owner is not told.', { subtle: true }),
      v.error ? status(v.error, 'attention') : null,
      dateInput('foundOn', 'Found on', v.values.foundOn, v.today),
      dateInput('reportedOn', 'Reported to the Police Department on', v.values.reportedOn ?? v.today, v.today),
      ...textInput({ id: 'caseNumber', label: 'Police case number', required: true, maxLength: 40, value: v.values.caseNumber }),
      ...choiceInput({ id: 'held', label: 'Records kept for the investigation', required: true, multiSelect: true, expanded: true, value: v.values.held, choices: v.choices }),
      ...textInput({ id: 'note', label: 'Note for the record', multiline: true, maxLength: 1000, value: v.values.note }),
    ],
    [execute('Record the referral', { verb: 'referral.record', presenceId: v.presenceId, ...(v.postId ? { postId: v.postId } : {}) }, 'destructive'), execute('Cancel', { verb: 'presence.oversight', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}

import { VERB_PAST } from '../../domain/presence';
import type { EditField } from '../../verbs/registry';
import { ownLabel, ownValue } from '../../domain/own-keys';

export const FIELD_LABELS: Record<EditField, string> = {
  handle: 'Account name or handle',
  accountUrl: "Account's address",
  staffName: 'Responsible staff member',
  staffTitle: 'Their title',
  staffContact: 'Their email or phone',
  dataLocation: 'Where the data is kept',
};

const STAGE: Readonly<Record<string, string>> = { it: 'IT', attorney: "The City Attorney's office" };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One audit event of a presence or its request, in words a person reads at a glance. */
export function describeEvent(action: string, data: Record<string, unknown>): string {
  switch (action) {
    case 'request.started':
      return 'Request started';
    case 'request.submitted':
      return `Submitted for review${Number(data.round) > 1 ? ` (round ${data.round})` : ''}`;
    case 'review.decided':
      return `${ownValue(STAGE, data.stage) ?? 'A reviewer'} ${data.decision === 'approve' ? 'approved it' : 'returned it'}${data.reason ? `: ${data.reason}` : ''}`;
    case 'request.withdrawn':
      return 'Withdrawn from review';
    case 'presence.registered':
      return 'Added to the registry';
    case 'presence.went_live':
      return 'Set up: address and login recorded, notice confirmed';
    case 'presence.edited':
      return `Details edited: ${Object.keys((data.after as object) ?? {}).map((f) => ownLabel(FIELD_LABELS, f)).join(', ')}`;
    case 'presence.credential_revealed':
      return 'Login revealed';
    case 'presence.password_changed':
      return `New password recorded${data.loginChanged ? ' (and a new login)' : ''}`;
    case 'presence.handed_over':
      return `Handed over${typeof data.toName === 'string' ? ` to ${data.toName}` : ''}${typeof data.reason === 'string' ? `: ${data.reason}` : ''}`;
    case 'presence.state_changed':
      return `${cap(ownLabel(VERB_PAST, data.to))}${data.reason ? `: ${data.reason}` : ''}`;
    case 'post.corrected':
      return `A post was ${data.kind === 'removal' ? 'removed' : 'edited'} by IT (${String(data.policy)}): ${String(data.reason ?? '')}`;
    case 'police.referred':
      return `Referred to the Police Department, case ${String(data.caseNumber)}`;
    default:
      return action;
  }
}

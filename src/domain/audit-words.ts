import { ROLE_LABELS } from './roles';
import { ownValue } from './own-keys';

/** What an audit line needs besides the event: the subject's name and names for the ids its data carries. */
export interface AuditNames {
  /** The record the event is about, by name ("@MadisonParks (instagram)", "Sam Lee", "Parks Division's policy"). */
  subject: string;
  person(id: unknown): string | undefined;
  department(id: unknown): string | undefined;
}

export interface AuditFacts {
  action: string;
  actorName: string;
  data: Record<string, unknown>;
}

type Phrase = (d: Record<string, unknown>, n: AuditNames) => string;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const role = (d: Record<string, unknown>, n: AuditNames) => {
  const label = ownValue(ROLE_LABELS, d.role) ?? 'a role';
  const dept = n.department(d.departmentId);
  return dept ? `${label} (${dept})` : label;
};
const because = (v: unknown) => (str(v) ? `: ${str(v)}` : '');
const STAGE: Readonly<Record<string, string>> = { it: 'for IT', attorney: "for the City Attorney's office" };

/** REC-1 in words: "{actor} {phrase}". Every action the bot records has its phrase; an unknown one still reads. */
const PHRASES: Readonly<Record<string, Phrase>> = {
  'person.first_contact': () => 'first used Social Steward',
  'person.placeholder_added': (_d, n) => `chose ${n.subject} from Teams before they had used Social Steward`,
  'role.granted': (d, n) => `granted ${role(d, n)} to ${n.subject}`,
  'role.revoked': (d, n) => `revoked ${role(d, n)} from ${n.subject}`,
  'channel.bound': (d) => `bound the channel ${str(d.channelName) ?? '(unnamed)'} to ${str(d.purpose)?.replace(/_/g, ' ') ?? 'a purpose'}`,
  'request.started': (_d, n) => `started a request (${n.subject})`,
  'request.draft_saved': (_d, n) => `saved a draft of the request ${n.subject}`,
  'request.submitted': (d, n) => `submitted the request ${n.subject} for review${Number(d.round) > 1 ? ` (round ${d.round})` : ''}`,
  'request.withdrawn': (_d, n) => `withdrew the request ${n.subject} from review`,
  'request.cancelled': (_d, n) => `cancelled the request ${n.subject}`,
  'review.decided': (d, n) => `${d.decision === 'approve' ? 'approved' : 'returned'} the request ${n.subject} ${ownValue(STAGE, d.stage) ?? ''}${because(d.reason)}`.replace(/ +:/, ':').trim(),
  'presence.registered': (_d, n) => `added ${n.subject} to the registry`,
  'presence.went_live': (_d, n) => `set up ${n.subject} (address and login recorded, notice confirmed)`,
  'presence.edited': (_d, n) => `edited the details of ${n.subject}`,
  'presence.credential_revealed': (_d, n) => `revealed the login of ${n.subject}`,
  'presence.state_changed': (d, n) => `${d.to === 'active' ? 'reactivated' : str(d.to) ?? 'changed'} ${n.subject}${because(d.reason)}`,
  'presence.confirmed_active': (_d, n) => `confirmed ${n.subject} is still active`,
  'presence.handed_over': (d, n) => `handed ${n.subject} over to ${n.person(d.to) ?? 'a new owner'}`,
  'policy.draft_started': (_d, n) => `started a draft of ${n.subject}`,
  'policy.draft_saved': (_d, n) => `saved a draft of ${n.subject}`,
  'policy.filed': (d, n) => `filed ${n.subject}${d.number ? ` (version ${d.number})` : ''} with the Mayor's Office`,
  'policy.decided': (d, n) => `${d.decision === 'acknowledge' ? 'acknowledged' : 'returned'} ${n.subject}${because(d.comments)}`,
  'access_block.requested': (_d, n) => `asked IT to block social media sites (${n.subject})`,
  'access_block.decided': (d, n) => `${d.decision === 'done' ? 'carried out' : 'declined'} the site block request (${n.subject})`,
  'post.started': (_d, n) => `started ${n.subject}`,
  'post.draft_saved': (_d, n) => `saved a draft of ${n.subject}`,
  'post.fixed': (d, n) => `applied the fix "${str(d.fix) ?? 'fix'}" to ${n.subject}`,
  'post.submitted': (d, n) => `sent ${n.subject} to ${n.person(d.approverId) ?? 'its approving authority'} for approval`,
  'post.decided': (d, n) => `${d.decision === 'approve' ? 'approved' : 'returned'} ${n.subject}${because(d.reason)}`,
  'post.published': (_d, n) => `marked ${n.subject} published`,
  'freshness.nudged': (_d, n) => `reminded ${n.subject} about presences that have gone quiet`,
  'freshness.escalated': (d, n) => `put ${n.subject} to the IT Director (${Number(d.daysIdle) || 0} days without activity)`,
  'freshness.director_acted': (d, n) => `decided on ${n.subject}: ${str(d.action)?.replace(/_/g, ' ') ?? 'acted'}`,
  'records.export_link_created': () => 'made a records export link',
  'records.export_downloaded': () => 'downloaded a records export',
  'records.exported': () => 'exported records',
  'outbox.resent': () => 'sent an undelivered message again',
};

/** "Alex Rivera granted IT reviewer to Sam Lee": who did what to which record, without codes or ids. */
export function describeAuditEvent(e: AuditFacts, names: AuditNames): string {
  const phrase = Object.hasOwn(PHRASES, e.action) ? PHRASES[e.action] : undefined;
  const what = phrase ? phrase(e.data, names) : `recorded "${e.action.replace(/[._]/g, ' ')}" on ${names.subject}`;
  return `${e.actorName} ${what}`;
}

/** Draft saves are many and say little: the audit card hides them unless asked. */
export const DRAFT_SAVE_SUFFIX = '.draft_saved';
export const isDraftSave = (action: string) => action.endsWith(DRAFT_SAVE_SUFFIX);

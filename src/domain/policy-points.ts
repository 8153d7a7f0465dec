import { z } from 'zod';
import { isOwnKey } from './own-keys';

/**
 * The twelve considerations every department policy must address (POL-1; APM "Each department/division shall ...",
 * points 1-12), plus the department's rule on on-duty personal use. Pure data and rules: cards and handlers share it.
 */
export interface PolicyPoint {
  id: `p${number}`;
  n: number;
  title: string;
  /** What the APM asks, in a sentence. */
  guidance: string;
  example: string;
  /** Filled from the registry and roles instead of typed (points 2 and 5): the text adds what they cannot know. */
  fromRegistry?: boolean;
}

export const POLICY_POINTS: readonly PolicyPoint[] = [
  { id: 'p1', n: 1, title: 'Appropriate uses', guidance: 'Define the appropriate uses or purposes for employing social media. Posts on City accounts are the City\'s own speech (Pleasant Grove City v. Summum), so say what the City uses them for.', example: 'We use social media to announce events, closures and public meetings, and to ask residents for feedback on park plans.' },
  { id: 'p2', n: 2, title: 'Approving authority, spokespersons and the list of presences', guidance: 'Name the approving authority and spokespersons, and keep a list of each presence with where its login is kept, who maintains it and where its data is stored. Social Steward fills the people and presences in from its records.', example: 'The Parks Superintendent approves all use. Logins are kept in Social Steward, encrypted; the presence owners listed maintain them.', fromRegistry: true },
  { id: 'p3', n: 3, title: 'Consulting IT', guidance: 'Procedures for consulting Information Technology so technical and network security issues are addressed.', example: 'Every new presence is requested through Social Steward, which sends it to IT review before it is used.' },
  { id: 'p4', n: 4, title: 'First Amendment and the City Attorney', guidance: 'Procedures for complying with the First Amendment and consulting the Office of the City Attorney.', example: 'We do not delete comments for viewpoint; the City Attorney reviews each new presence and any moderation question.' },
  { id: 'p5', n: 5, title: 'Record of each presence', guidance: 'Keep a record of each presence: its identity; the name, title and contact of the staff responsible; its purpose and benefits. Social Steward keeps this record in its registry.', example: 'The registry in Social Steward is our record; the communications lead checks it each quarter.', fromRegistry: true },
  { id: 'p6', n: 6, title: 'Ethics and law', guidance: "All use complies with the City's Ethics Code, all APMs and applicable laws.", example: 'Staff who post complete the ethics training and follow APM 3-9 and the Ethics Code.' },
  { id: 'p7', n: 7, title: 'Notice to users', guidance: "Every presence carries a clear notice that the City uses it to communicate on the subject at hand, with IT's Terms of Use, Social Media Guidelines and Comments Policy.", example: "Each account's profile carries the City's standard notice with links to the Terms of Use, Guidelines and Comments Policy." },
  { id: 'p8', n: 8, title: 'Keeping it fresh', guidance: 'The presence is kept fresh and current.', example: 'We post at least weekly and answer Social Steward\'s weekly reminder; an account with nothing to say for 90 days is retired.' },
  { id: 'p9', n: 9, title: 'Public records requests', guidance: 'Procedures for complete and accurate responses to public records requests about the presence.', example: "Records requests go to our records custodian, who exports the account's history from Social Steward and the platform." },
  { id: 'p10', n: 10, title: 'Direct messages', guidance: 'Direct messages, chat and texting are turned off unless they can be archived, since they are not captured in the City\'s email archive.', example: 'Direct messages are turned off on every account; where a platform cannot turn them off, a weekly export is archived.' },
  { id: 'p11', n: 11, title: 'Safety and security', guidance: 'Procedures to avoid posting anything that would compromise the health, safety or security of any person, group, organization, building or facility.', example: 'No post names staff schedules, building access details or the location of vulnerable people; the approver checks each post for this.' },
  { id: 'p12', n: 12, title: 'External-link disclaimer', guidance: 'Require the disclaimer whenever posting links to, or on a page with links to, external sources.', example: 'Every post or page that links outside the City carries the City\'s disclaimer on related and promoted links, word for word.' },
];

export const PERSONAL_USE_RULES = {
  apm_3_9: 'No rule beyond APM 3-9: limited and incidental personal use is allowed',
  limited: 'More restrictive: limited personal use, as described',
  prohibited: 'On-duty personal use of social media is prohibited',
} as const;
export type PersonalUseRule = keyof typeof PERSONAL_USE_RULES;

/** Seven short cards: two points each, the personal-use rule last. */
export const POLICY_STEPS: ReadonlyArray<ReadonlyArray<string>> = [
  ['p1', 'p2'],
  ['p3', 'p4'],
  ['p5', 'p6'],
  ['p7', 'p8'],
  ['p9', 'p10'],
  ['p11', 'p12'],
  ['personalUse', 'personalUseDetail'],
];
export const POLICY_STEP_COUNT = POLICY_STEPS.length;

/** Below this a point is "too thin" to count as addressed. */
export const MIN_POINT_LENGTH = 40;
/**
 * The server's cap, the same as the card's (every free-text field is capped on the server). Issue 10: twelve points of
 * 1,500 made a 27-33 KB policy card, over Teams' 28 KB; at 700 (about 120 words a point) the longest policy card,
 * returned with the longest comments, stays under 24 KB (test/integration/cards-at-city-scale.test.ts).
 */
export const MAX_POINT_LENGTH = 700;
export const MAX_DETAIL_LENGTH = 500;
/** The Mayor's Office's comments on a returned policy, shown on the policy card. */
export const MAX_COMMENTS_LENGTH = 1000;

export type PolicyDraft = Partial<Record<string, string>>;
export const ZPolicyDraft = z.record(z.string(), z.string());

/** Every problem with a draft, keyed by field: empty or thin points, and the personal-use rule. */
export function policyProblems(draft: PolicyDraft, fields?: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const wanted = (f: string) => !fields || fields.includes(f);
  for (const p of POLICY_POINTS) {
    if (!wanted(p.id)) continue;
    const text = (draft[p.id] ?? '').trim();
    if (!text) problems[p.id] = `Point ${p.n} (${p.title}) is empty: the policy must address it`;
    else if (text.length < MIN_POINT_LENGTH) problems[p.id] = `Point ${p.n} (${p.title}) is too thin: say how your department does it (at least ${MIN_POINT_LENGTH} characters)`;
    else if (text.length > MAX_POINT_LENGTH) problems[p.id] = `Point ${p.n} (${p.title}) is too long: keep it under ${MAX_POINT_LENGTH} characters`;
  }
  if (wanted('personalUse') && !isOwnKey(PERSONAL_USE_RULES, draft.personalUse)) problems.personalUse = 'Choose your rule on personal use of social media while on duty';
  if (wanted('personalUseDetail') && draft.personalUse === 'limited' && (draft.personalUseDetail ?? '').trim().length < 20) problems.personalUseDetail = 'Describe what limited personal use is allowed';
  else if (wanted('personalUseDetail') && (draft.personalUseDetail ?? '').length > MAX_DETAIL_LENGTH) problems.personalUseDetail = `Keep this under ${MAX_DETAIL_LENGTH} characters`;
  return problems;
}

/** The numbers of the points still missing or thin, for "cannot be filed: points 4, 9 and 12 need work". */
export function missingPoints(draft: PolicyDraft): number[] {
  const problems = policyProblems(draft);
  return POLICY_POINTS.filter((p) => problems[p.id]).map((p) => p.n);
}

/** Per point, whether a new version changed it: the "what changed" view between versions (POL-2). */
export function changedPoints(before: PolicyDraft, after: PolicyDraft): Array<{ field: string; before?: string; after?: string }> {
  return [...POLICY_POINTS.map((p) => p.id as string), 'personalUse', 'personalUseDetail']
    .filter((f) => (before[f] ?? '').trim() !== (after[f] ?? '').trim())
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

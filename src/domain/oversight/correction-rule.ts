import { hasRole, type Actor } from '../roles';
import { refuse, type Result } from '../result';

/** REC-4 (APM "Role of IT" 1a): what IT did about a post that violates policy. */
export const CORRECTION_KINDS = ['edit', 'removal'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = { edit: 'Edited by IT', removal: 'Removed by IT' };

/** The policy a post can violate, by its id in REQUIREMENTS.md (the reason says how). */
export const VIOLATED_POLICIES = ['POST-2', 'POST-3', 'POST-4', 'POST-5', 'APM'] as const;
export type ViolatedPolicy = (typeof VIOLATED_POLICIES)[number];
export const VIOLATED_POLICY_LABELS: Record<ViolatedPolicy, string> = {
  'POST-2': 'POST-2: no link back to the City website (City Website 3)',
  'POST-3': 'POST-3: external links without the disclaimer (12)',
  'POST-4': 'POST-4: emergency information posted directly (City Website 6)',
  'POST-5': 'POST-5: compromises the health, safety or security of a person, group or facility (11)',
  APM: 'Another clause of the social media policy (name it in the reason)',
};

/** Posts that can be out in the world: only these can be edited or removed on the platform. */
export const CORRECTABLE_STATUSES = ['approved', 'published'];

export interface CorrectionInput {
  kind?: string;
  policy?: string;
  reason?: string;
  editedText?: string;
}
export type CorrectionVerdict = { kind: CorrectionKind; policy: ViolatedPolicy; reason: string; editedText: string | null };

export const isIt = (actor: Pick<Actor, 'roles'>) => hasRole(actor, 'it_reviewer') || hasRole(actor, 'it_director');

/** REC-4: IT only, a post that went out, the policy named, a reason, and for an edit the text as IT left it. */
export function correctionRule(actor: Pick<Actor, 'roles'>, postStatus: string, input: CorrectionInput): Result<CorrectionVerdict> {
  if (!isIt(actor)) return refuse('NOT_AUTHORIZED', 'Only IT (an IT reviewer or the IT Director) records an edit or removal of a post.');
  if (!CORRECTABLE_STATUSES.includes(postStatus)) return refuse('STALE_CARD', 'Only an approved or published post can be edited or removed on its platform.');
  const kind = CORRECTION_KINDS.find((k) => k === input.kind);
  if (!kind) return refuse('INVALID_INPUT', 'Choose whether IT edited the post or removed it.');
  const policy = VIOLATED_POLICIES.find((p) => p === input.policy);
  if (!policy) return refuse('INVALID_INPUT', 'Choose the policy the post violates.');
  const reason = (input.reason ?? '').trim();
  if (reason.length < 10) return refuse('INVALID_INPUT', 'Say why the post violates that policy (at least 10 characters).');
  const editedText = (input.editedText ?? '').trim();
  if (kind === 'edit' && !editedText) return refuse('INVALID_INPUT', 'Give the text of the post as IT left it after the edit.');
  return { refused: false, kind, policy, reason, editedText: kind === 'edit' ? editedText : null };
}

import { card, container, execute, facts, heading, longNote, status, text, title, type Element } from '../common/elements';
import { choiceInput, errorSummary, textInput, type FieldErrors } from '../common/inputs';
import { MAX_DETAIL_LENGTH, MAX_POINT_LENGTH, PERSONAL_USE_RULES, POLICY_POINTS, POLICY_STEPS, POLICY_STEP_COUNT, type PolicyDraft } from '../../src/domain/policy-points';

export interface RegistryFacts {
  approvers: string[];
  spokespersons: string[];
  presences: Array<{ handle: string; platform: string; owner: string; state: string }>;
}

export interface PolicyStepView {
  policyId: string;
  departmentName: string;
  step: number;
  draft: PolicyDraft;
  errors?: FieldErrors;
  registry: RegistryFacts;
  saved?: boolean;
  returnedComments?: string;
}

/** Point 2 names people and lists presences; point 5 is the record of each presence. Both come from the registry. */
function registryBlock(r: RegistryFacts, point: number): Element {
  const presences: Array<[string, string]> = r.presences.length
    ? r.presences.map((p) => [`${p.platform} ${p.handle}`, `${p.state}; maintained by ${p.owner}; login kept encrypted in Social Steward`])
    : [['Presences', 'None registered yet: new ones are added when IT and the City Attorney approve a request']];
  const people: Array<[string, string]> = [
    ['Approving authority', r.approvers.join(', ') || 'No department head on record: an admin grants the role (type "roles")'],
    ['Spokespersons', r.spokespersons.join(', ') || 'None on record: an admin grants the spokesperson role (type "roles")'],
  ];
  return container([text("From Social Steward's records, kept up to date for you:", { subtle: true, size: 'Small' }), facts(point === 2 ? [...people, ...presences] : presences)], 'emphasis');
}

function pointInputs(id: string, v: PolicyStepView): Element[] {
  if (id === 'personalUse') {
    return [heading('Personal use while on duty'), ...choiceInput({ id, label: 'On-duty personal use of social media', required: true, draftable: true, value: v.draft.personalUse, error: v.errors?.personalUse, choices: Object.entries(PERSONAL_USE_RULES).map(([value, t]) => ({ title: t, value })), why: 'Department heads may restrict or prohibit on-duty personal use beyond APM 3-9.' })];
  }
  if (id === 'personalUseDetail') {
    return textInput({ id, label: 'If you chose limited use: what is allowed (required then)', multiline: true, value: v.draft.personalUseDetail, error: v.errors?.personalUseDetail, placeholder: 'e.g. Personal use only during breaks, on personal devices', maxLength: MAX_DETAIL_LENGTH });
  }
  const p = POLICY_POINTS.find((x) => x.id === id)!;
  return [
    heading(`Point ${p.n} · ${p.title}`),
    text(`What the APM asks: ${p.guidance}`),
    p.fromRegistry ? registryBlock(v.registry, p.n) : null,
    ...textInput({ id, label: p.fromRegistry ? `Point ${p.n}: how your department handles this` : `Point ${p.n}: your department's policy`, required: true, draftable: true, multiline: true, value: v.draft[id], error: v.errors?.[id], placeholder: `e.g. ${p.example}`, maxLength: MAX_POINT_LENGTH, errorMessage: `Address point ${p.n}` }),
  ].filter(Boolean) as Element[];
}

/** One card of "File our policy": two of the twelve points, with what the APM asks and example wording (POL-1). */
export function policyStepCard(v: PolicyStepView) {
  const nav = (label: string, to: 'next' | 'back' | 'save', style?: 'positive') => execute(label, { verb: 'policy.step', policyId: v.policyId, step: v.step, nav: to }, style);
  const last = v.step === POLICY_STEP_COUNT;
  return card(
    [
      title(`Social media policy: ${v.departmentName}`),
      status(`Step ${v.step} of ${POLICY_STEP_COUNT} · ${last ? 'Personal use' : `Points ${POLICY_STEPS[v.step - 1].map((f) => f.slice(1)).join(' and ')} of 12`}`),
      v.returnedComments ? longNote('returned-comments', `The Mayor's Office returned the last version: ${v.returnedComments}`, { weight: 'Bolder' }) : null,
      v.saved ? text('Draft saved. Come back any time with "file our policy".', { color: 'good' }) : null,
      errorSummary(v.errors),
      ...POLICY_STEPS[v.step - 1].flatMap((f) => pointInputs(f, v)),
    ],
    [v.step > 1 && nav('Back', 'back'), nav('Save draft', 'save'), nav(last ? 'Check answers' : 'Next', 'next', 'positive')],
  );
}

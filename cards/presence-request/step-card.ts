import { card, execute, longNote, status, text, title, type Element } from '../common/elements';
import { choiceInput, errorSummary, textInput, toggleInput, type FieldErrors } from '../common/inputs';
import { departmentPicker, peoplePicker, type PeoplePickerView } from '../common/pickers';
import { CRITERIA, CRITERION_LABELS, PLATFORMS, PLATFORM_LABELS, STEP_COUNT, STEP_TITLES, type DraftAnswers } from '../../src/domain/presence-answers';

export interface StepView {
  requestId: string;
  step: number;
  draft: DraftAnswers;
  errors?: FieldErrors;
  departments: Array<{ id: string; name: string }>;
  people?: PeoplePickerView;
  typed?: Record<string, string>;
  /** Shown after "Save draft". */
  saved?: boolean;
  returnedReason?: string;
}

const NO_PEOPLE: PeoplePickerView = { mode: 'bot', choices: [] };

type Build = (v: StepView, val: DraftAnswers, err: FieldErrors) => Element[];

const STEPS: Record<number, Build> = {
  1: (v, val, err) => [
    ...departmentPicker({ id: 'departmentId', label: 'Department or division', required: true, value: val.departmentId, error: err.departmentId, placeholder: 'Choose a department', departments: v.departments.map((d) => ({ title: d.name, value: d.id })), why: 'Only departments, divisions and City agencies may hold an official presence, never an individual employee.' }),
    ...choiceInput({ id: 'platform', label: 'Platform', required: true, draftable: true, value: val.platform, error: err.platform, placeholder: 'Choose a platform', choices: PLATFORMS.map((p) => ({ title: PLATFORM_LABELS[p], value: p })) }),
    ...textInput({ id: 'platformOther', label: 'If other: the platform\'s name', value: val.platformOther, error: err.platformOther, placeholder: 'e.g. Bluesky' }),
    ...textInput({ id: 'handle', label: 'Account name or handle', required: true, draftable: true, value: val.handle, error: err.handle, placeholder: 'e.g. @MadisonParks' }),
    ...choiceInput({ id: 'criterion', label: 'Which use does it serve?', required: true, draftable: true, value: val.criterion, error: err.criterion, choices: CRITERIA.map((c) => ({ title: CRITERION_LABELS[c], value: c })), why: 'The policy allows social media for these three uses.' }),
  ],
  2: (_v, val, err) => [
    ...textInput({ id: 'purpose', label: 'Purpose', required: true, draftable: true, multiline: true, value: val.purpose, error: err.purpose, placeholder: 'e.g. Announce park events, closures and volunteer days', maxLength: 1000 }),
    ...textInput({ id: 'benefits', label: 'Benefits to the public and the City', required: true, draftable: true, multiline: true, value: val.benefits, error: err.benefits, placeholder: 'e.g. Reaches families who follow us on Instagram rather than the website', maxLength: 1000 }),
    ...textInput({ id: 'cityWebPage', label: 'City web page it will link to', required: true, draftable: true, style: 'Url', value: val.cityWebPage, error: err.cityWebPage, placeholder: 'e.g. https://www.cityofmadison.com/parks', why: "The City's website stays the main presence: every account links back to it." }),
  ],
  3: (v, val, err) => [
    ...textInput({ id: 'staffName', label: 'Responsible staff member', required: true, draftable: true, value: val.staffName, error: err.staffName, placeholder: 'e.g. Pat Parker' }),
    ...textInput({ id: 'staffTitle', label: 'Their title', required: true, draftable: true, value: val.staffTitle, error: err.staffTitle, placeholder: 'e.g. Community Outreach Coordinator' }),
    ...textInput({ id: 'staffContact', label: 'Their email or phone', required: true, draftable: true, value: val.staffContact, error: err.staffContact, placeholder: 'e.g. pparker@cityofmadison.com' }),
    ...peoplePicker({ id: 'approverId', label: 'Approving authority', required: true, view: v.people ?? NO_PEOPLE, value: val.approverId, typed: v.typed?.approverId, error: err.approverId, why: 'The person who approves what is posted.' }),
    ...peoplePicker({ id: 'spokespersonIds', label: 'Spokespersons (one or more)', required: true, multiSelect: true, view: v.people ?? NO_PEOPLE, value: val.spokespersonIds, typed: v.typed?.spokespersonIds, error: err.spokespersonIds }),
  ],
  4: (_v, val, err) => [
    ...textInput({ id: 'dataLocation', label: 'Where the content and data will be kept', required: true, draftable: true, value: val.dataLocation, error: err.dataLocation, placeholder: 'e.g. Parks shared drive, monthly export of posts and comments', why: 'Records must hold up to a public records request.' }),
    ...choiceInput({ id: 'hasDirectMessages', label: 'Does the platform have direct messages or chat?', required: true, draftable: true, value: val.hasDirectMessages, error: err.hasDirectMessages, choices: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] }),
    ...choiceInput({ id: 'dmHandling', label: 'If yes: what will you do with them?', value: val.dmHandling, error: err.dmHandling, choices: [{ title: 'Turn them off', value: 'disable' }, { title: 'Keep them on and archive every message', value: 'archive' }], why: 'Messages that cannot be archived must be turned off.' }),
    ...textInput({ id: 'dmArchive', label: 'If archived: how?', value: val.dmArchive, error: err.dmArchive, placeholder: 'e.g. Weekly export to the records system' }),
  ],
  5: (_v, val, err) => [
    ...toggleInput({ id: 'attestCityAccount', label: 'Registration', title: 'The account will be registered to a City email address, not to anyone\'s personal account.', required: true, draftable: true, value: val.attestCityAccount === 'true', error: err.attestCityAccount, why: 'The City is the registrant of every official presence.' }),
    ...toggleInput({ id: 'attestNotice', label: 'Notice to users', title: "The account will show the City's notice to users with the Terms of Use, Social Media Guidelines and Comments Policy.", required: true, draftable: true, value: val.attestNotice === 'true', error: err.attestNotice, why: 'The policy asks every account to carry it. Social Steward gives you the text to paste once the account is approved.' }),
  ],
};

/** One step of "Request a presence": a few inputs, Back / Save draft / Next, and the problems beside the fields. */
export function stepCard(v: StepView) {
  const nav = (label: string, navTo: 'next' | 'back' | 'save', style?: 'positive') => execute(label, { verb: 'request.step', requestId: v.requestId, step: v.step, nav: navTo }, style);
  return card(
    [
      title('Request a social media presence'),
      status(`Step ${v.step} of ${STEP_COUNT} · ${STEP_TITLES[v.step - 1]}`),
      v.returnedReason ? longNote('returned-reason', `Returned to you: ${v.returnedReason}`, { weight: 'Bolder' }) : null,
      v.saved ? text('Draft saved. You can close this and come back with "my requests".', { color: 'good' }) : null,
      errorSummary(v.errors),
      ...STEPS[v.step](v, v.draft, v.errors ?? {}),
    ],
    [v.step > 1 && nav('Back', 'back'), nav('Save draft', 'save'), nav(v.step === STEP_COUNT ? 'Check answers' : 'Next', 'next', 'positive')],
  );
}

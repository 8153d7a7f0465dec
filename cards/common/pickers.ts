import type { Element } from './elements';
import { textInput } from './inputs';
import { GRAPH_USERS, SEARCH_RESULT_CAP, type SearchChoice, type SearchDataset } from '../../src/verbs/search';

/** The input id of a people picker's typed-name fallback. */
export const typedId = (id: string) => `${id}Typed`;

import type { PeoplePickerView } from '../../src/services/people/find-people';
export type { PeoplePickerView };

interface Picker {
  id: string;
  label: string;
  value?: string;
  error?: string;
  why?: string;
  multiSelect?: boolean;
  /** Required to finish, but not to save a draft: the server checks it (see inputs.ts `draftable`). */
  required?: boolean;
}

function feedback(c: Picker): Element[] {
  const out: Element[] = [];
  if (c.error) out.push({ type: 'TextBlock', text: c.error, weight: 'Bolder', wrap: true, spacing: 'None', size: 'Small' });
  if (c.why) out.push({ type: 'TextBlock', text: `Why we ask: ${c.why}`, isSubtle: true, wrap: true, spacing: 'None', size: 'Small' });
  return out;
}

/** A typeahead ChoiceSet: static choices to start with, more from the dataset as the person types (Teams only). */
function typeahead(c: Picker, dataset: SearchDataset | typeof GRAPH_USERS, choices: SearchChoice[], placeholder: string): Element {
  return {
    type: 'Input.ChoiceSet',
    id: c.id,
    label: c.required ? `${c.label} (required)` : c.label,
    style: 'filtered',
    choices,
    'choices.data': { type: 'Data.Query', dataset, count: SEARCH_RESULT_CAP },
    placeholder,
    wrap: true,
    isRequired: false,
    errorMessage: 'Choose from the list',
    ...(c.value ? { value: c.value } : {}),
    ...(c.multiSelect ? { isMultiSelect: true } : {}),
  };
}

/**
 * Choosing people in a City of 3,000 (issue 10): Teams' people picker over Microsoft Graph, which returns Entra object
 * ids; or, where Graph is out of reach (the Agents Playground), the bot's own people as choices and a dataset, with a
 * typed name the server matches. The card never carries a list of everyone, so it stays small whatever the City's size.
 */
export function peoplePicker(c: Picker & { view: PeoplePickerView; typed?: string }): Element[] {
  if (c.view.mode === 'teams') return [typeahead(c, GRAPH_USERS, c.view.choices, 'Type a name'), ...feedback(c)];
  const input = typeahead(c, 'people', c.view.choices, 'Choose a person');
  // A short list, complete: a plain dropdown as before, which the Playground renders (it runs no typeahead).
  if (c.view.complete) Object.assign(input, { style: 'compact', 'choices.data': undefined });
  // The server's message stays right under the input it is about; the typed-name fallback follows.
  return [
    JSON.parse(JSON.stringify(input)) as Element,
    ...feedback(c),
    ...textInput({ id: typedId(c.id), label: c.multiSelect ? 'Not listed? Type their full names, separated by commas' : 'Not listed? Type their full name', value: c.typed, maxLength: 300, placeholder: 'e.g. Dana Reyes' }),
  ];
}

/** Up to this many departments are listed on the card; beyond it the list is searched as the person types. */
export const STATIC_DEPARTMENTS = 40;

/**
 * The City's departments (29 today, 34 with their boards and commissions; 60 later): listed whole while the list is short, else the chosen one plus
 * typeahead over the bot's `departments` dataset, so the card stays small.
 */
export function departmentPicker(c: Picker & { departments: SearchChoice[]; placeholder?: string; lead?: SearchChoice[] }): Element[] {
  const short = c.departments.length <= STATIC_DEPARTMENTS;
  const choices = [...(c.lead ?? []), ...(short ? c.departments : c.departments.filter((d) => d.value === c.value))];
  const input = typeahead(c, 'departments', choices, c.placeholder ?? 'Type a department');
  if (short) delete input['choices.data'];
  return [input, ...feedback(c)];
}

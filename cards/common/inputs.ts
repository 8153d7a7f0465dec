import type { Element } from './elements';

import type { FieldErrors } from '../../src/verbs/parse';
export type { FieldErrors };

interface Common {
  id: string;
  label: string;
  required?: boolean;
  /**
   * A guided-flow field: required to submit the request, but Back and Save draft must still send half-filled cards,
   * and Adaptive Cards blocks every action while an isRequired input is empty. The server checks it instead.
   */
  draftable?: boolean;
  errorMessage?: string;
  /** The server's message for this field, shown right under it. */
  error?: string;
  /** A short "Why we ask" line quoting the policy. */
  why?: string;
}

function withFeedback(input: Element, c: Common): Element[] {
  if (c.draftable && c.required) Object.assign(input, { isRequired: false, label: `${c.label} (required)` });
  const out: Element[] = [input];
  if (c.error) out.push({ type: 'TextBlock', text: c.error, weight: 'Bolder', wrap: true, spacing: 'None', size: 'Small' });
  if (c.why) out.push({ type: 'TextBlock', text: `Why we ask: ${c.why}`, isSubtle: true, wrap: true, spacing: 'None', size: 'Small' });
  return out;
}

export function textInput(c: Common & { value?: string; placeholder?: string; multiline?: boolean; maxLength?: number; style?: 'Url' | 'Email' | 'Tel' | 'Text' | 'Password' }): Element[] {
  return withFeedback(
    {
      type: 'Input.Text',
      id: c.id,
      label: c.label,
      isRequired: c.required ?? false,
      errorMessage: c.errorMessage ?? 'This answer is needed',
      ...(c.placeholder ? { placeholder: c.placeholder } : {}),
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.multiline ? { isMultiline: true } : {}),
      ...(c.maxLength ? { maxLength: c.maxLength } : {}),
      ...(c.style ? { style: c.style } : {}),
    },
    c,
  );
}

export function choiceInput(c: Common & { choices: Array<{ title: string; value: string }>; value?: string; placeholder?: string; expanded?: boolean; multiSelect?: boolean }): Element[] {
  // CARDS.md: radio buttons up to four options, a dropdown beyond.
  const expanded = c.expanded ?? c.choices.length <= 4;
  return withFeedback(
    {
      type: 'Input.ChoiceSet',
      id: c.id,
      label: c.label,
      isRequired: c.required ?? false,
      errorMessage: c.errorMessage ?? 'Choose one of the options',
      // Long lists (departments, people) filter as you type in Teams.
      style: expanded ? 'expanded' : c.choices.length > 12 && !c.multiSelect ? 'filtered' : 'compact',
      choices: c.choices,
      // Without wrap a choice is cut to one line at 360 px (issue 19).
      wrap: true,
      ...(c.placeholder ? { placeholder: c.placeholder } : {}),
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.multiSelect ? { isMultiSelect: true } : {}),
    },
    c,
  );
}

export function toggleInput(c: Common & { title: string; value?: boolean }): Element[] {
  return withFeedback(
    {
      type: 'Input.Toggle',
      id: c.id,
      label: c.label,
      title: c.title,
      // The title is the statement the person agrees to: every word must show.
      wrap: true,
      valueOn: 'true',
      valueOff: 'false',
      value: c.value ? 'true' : 'false',
      isRequired: c.required ?? false,
      errorMessage: c.errorMessage ?? 'Confirm this statement to continue',
    },
    c,
  );
}

/** The attention summary at the top of a form the server sent back. */
export function errorSummary(errors: FieldErrors | undefined): Element | null {
  const n = errors ? Object.values(errors).filter(Boolean).length : 0;
  if (!n) return null;
  return { type: 'TextBlock', text: n === 1 ? 'One answer needs fixing: see the note under the field.' : `${n} answers need fixing: see the notes under the fields.`, weight: 'Bolder', wrap: true };
}

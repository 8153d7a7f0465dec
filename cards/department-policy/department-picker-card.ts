import { card, execute, status, title } from '../common/elements';
import type { Verb } from '../../src/verbs';
import { departmentPicker } from '../common/pickers';

/** Chooses a department for a department-scoped action (filing, viewing a policy, asking for a block). */
export function departmentPickerCard(v: { heading: string; prompt: string; verb: Verb; departments: Array<{ id: string; name: string }>; error?: string }) {
  return card(
    [title(v.heading), status(v.prompt), ...departmentPicker({ id: 'departmentId', label: 'Department', required: true, error: v.error, placeholder: 'Choose a department', departments: v.departments.map((d) => ({ title: d.name, value: d.id })) })],
    [execute('Continue', { verb: v.verb }, 'positive'), // Back needs no department: without associatedInputs none, Teams blocks it until the required choice is made.
    execute('Back to help', { verb: 'help.show' }, undefined, { associatedInputs: 'none' })],
  );
}

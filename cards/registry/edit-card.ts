import { card, execute, status, title } from '../common/elements';
import { errorSummary, textInput } from '../common/inputs';
import type { EditField } from '../../src/verbs/registry';
import { FIELD_LABELS } from '../../src/services/presence/describe-event';

import type { EditView } from '../../src/services/presence/presence-reads';
export type { EditView };

/** REG-1: the details that change over a presence's life. The audit trail keeps the old values. */
export function editCard(v: EditView) {
  const val = v.values;
  const err = v.errors ?? {};
  const field = (id: EditField, placeholder: string, extra: { required?: boolean; style?: 'Url'; why?: string } = { required: true }) =>
    textInput({ id, label: FIELD_LABELS[id], value: val[id], error: err[id], placeholder, ...extra });
  return card(
    [
      title(`Edit ${v.handle}`),
      status('Change what is out of date. The old values stay in the audit trail.'),
      errorSummary(v.errors),
      ...field('handle', '@MadisonParks'),
      ...field('accountUrl', 'https://www.instagram.com/madisonparks', { style: 'Url', why: 'Required once the presence is live.' }),
      ...field('staffName', 'Pat Parker'),
      ...field('staffTitle', 'Community Outreach Coordinator'),
      ...field('staffContact', 'pparker@cityofmadison.com'),
      ...field('dataLocation', 'Parks shared drive, monthly export of posts and comments', { required: true, why: 'Records must hold up to a public records request.' }),
    ],
    [execute('Save changes', { verb: 'presence.edit', presenceId: v.presenceId, version: v.version }, 'positive'), execute('Cancel', { verb: 'presence.open', presenceId: v.presenceId }, undefined, { associatedInputs: 'none' })],
  );
}

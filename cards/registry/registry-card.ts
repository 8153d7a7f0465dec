import { actionSet, card, columns, execute, status, text, title, type Element } from '../common/elements';
import { ownLabel } from '../../src/domain/own-keys';
import { choiceInput } from '../common/inputs';
import { preview } from '../common/phone-text';
import { departmentPicker } from '../common/pickers';
import { PRESENCE_STATES, PRESENCE_STATE_LABELS, type PresenceState } from '../../src/domain/presence';
import { ANY, type TRegistryFilter } from '../../src/verbs/registry';

/** REG-2: a previous owner may still know the login. */
export const PASSWORD_NOT_CHANGED = 'Password not changed since handover';

/** CARDS.md: stay well under Teams' message size; narrower filters show the rest. */
export const REGISTRY_LIMIT = 25;

export interface RegistryRow {
  presenceId: string;
  handle: string;
  platform: string;
  department: string;
  state: PresenceState;
  /** REG-2: handed over, and its password not changed since. */
  passwordNotChanged?: boolean;
}

export interface RegistryView {
  rows: RegistryRow[];
  /** How many match the filters, shown or not. */
  total: number;
  filters: Omit<TRegistryFilter, 'verb'>;
  departments: Array<{ id: string; name: string }>;
  platforms: Array<{ value: string; title: string }>;
}

const dropdown = (id: string, label: string, anyTitle: string, value: string | undefined, choices: Array<{ title: string; value: string }>) =>
  // A closed dropdown shows its title on one line (issue 19): a long one (a platform typed as "other") shows its start.
  choiceInput({ id, label, value: value ?? ANY, expanded: false, choices: [{ title: anyTitle, value: ANY }, ...choices.map((c) => ({ ...c, title: preview(c.title, 36) }))] });

/** REG-1: every official presence, filtered by department, platform and state; each row opens the full record. */
export function registryCard(v: RegistryView) {
  const filtered = Boolean(v.filters.departmentId || v.filters.platform || v.filters.state);
  const summary = v.total === 0 ? (filtered ? 'No presence matches these filters.' : 'No presences are registered yet.') : `${v.total} ${v.total === 1 ? 'presence' : 'presences'}${filtered ? (v.total === 1 ? ' matches these filters' : ' match these filters') : ' in the registry'}.`;
  const rows: Element[] = v.rows.map((r) =>
    columns([
      { items: [text(r.handle, { weight: 'Bolder' }), text(`${r.platform} · ${r.department} · ${ownLabel(PRESENCE_STATE_LABELS, r.state)}`, { subtle: true, size: 'Small' }), r.passwordNotChanged ? text(PASSWORD_NOT_CHANGED, { color: 'attention', size: 'Small' }) : null].filter((e): e is Element => e !== null) },
      { width: 'auto', items: [actionSet([execute('Open', { verb: 'presence.open', presenceId: r.presenceId }, undefined, { associatedInputs: 'none' })])] },
    ]),
  );
  const more = v.total - v.rows.length;
  return card(
    [
      title('Registry of official presences'),
      status(summary),
      // Issue 10: 60 departments are searched as you type, not listed.
      ...departmentPicker({ id: 'departmentId', label: 'Department', value: v.filters.departmentId ?? ANY, lead: [{ title: 'Any department', value: ANY }], departments: v.departments.map((d) => ({ title: d.name, value: d.id })) }),
      ...dropdown('platform', 'Platform', 'Any platform', v.filters.platform, v.platforms),
      ...dropdown('state', 'State', 'Any state', v.filters.state, PRESENCE_STATES.map((s) => ({ title: PRESENCE_STATE_LABELS[s], value: s }))),
      actionSet([execute('Apply filters', { verb: 'registry.filter' }, 'positive')]),
      ...rows,
      more > 0 ? text(`${more} more not shown: narrow the filters to see them.`, { color: 'warning' }) : null,
    ],
    [execute('Back to help', { verb: 'help.show' }, undefined, { associatedInputs: 'none' })],
  );
}

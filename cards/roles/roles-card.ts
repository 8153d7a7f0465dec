import { card, container, execute, heading, status, text, title, formatWhen, columns, actionSet, type Element } from '../common/elements';
import { choiceInput, errorSummary, type FieldErrors } from '../common/inputs';
import { departmentPicker, peoplePicker, type PeoplePickerView } from '../common/pickers';
import { ROLES, ROLE_LABELS, type Role } from '../../src/domain/roles';
import type { TGrantRole } from '../../src/verbs/roles';

export interface GrantRow {
  grantId: string;
  personName: string;
  role: Role;
  departmentName?: string;
  grantedAt: Date;
  grantedBy?: string;
}

export interface RolesView {
  grants: GrantRow[];
  configAdmins: string[];
  canManage: boolean;
  timeZone: string;
  notice?: string;
}

/** Who holds what. Admins get Grant and, per row, Revoke with a confirming step. */
export function rolesCard(v: RolesView) {
  const body: Element[] = [title('Roles'), status(v.notice ?? 'Everyone is Staff; these people hold more.', v.notice ? 'good' : 'default')];
  for (const role of ROLES) {
    const rows = v.grants.filter((g) => g.role === role);
    const fromConfig = role === 'admin' ? v.configAdmins : [];
    if (!rows.length && !fromConfig.length) continue;
    body.push(heading(ROLE_LABELS[role]));
    for (const name of fromConfig) body.push(text(`${name} (from configuration; IT changes this in the bot's settings)`, { size: 'Small' }));
    for (const g of rows) {
      const who = g.departmentName ? `${g.personName}, ${g.departmentName}` : g.personName;
      const since = `since ${formatWhen(g.grantedAt, v.timeZone)}${g.grantedBy ? ` by ${g.grantedBy}` : ''}`;
      const line: Element[] = [text(who, { size: 'Small' }), text(since, { subtle: true, size: 'Small' })];
      body.push(
        v.canManage
          ? columns([
              { items: line },
              // A plain button; the confirm card that follows names the person and the role.
              { width: 'auto', items: [actionSet([execute('Revoke', { verb: 'roles.revoke', grantId: g.grantId })])] },
            ])
          : container(line),
      );
    }
  }
  if (v.grants.length === 0 && v.configAdmins.length === 0) body.push(text('No one holds a role yet.'));
  return card(body, [v.canManage && execute('Grant a role', { verb: 'roles.grant.start' }, 'positive'), execute('Back to help', { verb: 'help.show' })]);
}

export interface GrantFormView {
  people: PeoplePickerView;
  departments: Array<{ id: string; name: string }>;
  values?: Partial<Record<keyof TGrantRole, string>>;
  errors?: FieldErrors;
}

export function grantRoleCard(v: GrantFormView) {
  const val = v.values ?? {};
  const err = v.errors ?? {};
  return card(
    [
      title('Grant a role'),
      status('The person is told in their chat with Social Steward, and the grant is recorded in the audit trail.'),
      errorSummary(v.errors),
      ...peoplePicker({ id: 'personId', label: 'Person', required: true, view: v.people, value: val.personId, typed: val.personIdTyped, error: err.personId }),
      ...choiceInput({ id: 'role', label: 'Role', required: true, value: val.role, error: err.role, placeholder: 'Choose a role', choices: ROLES.map((r) => ({ title: ROLE_LABELS[r], value: r })) }),
      ...departmentPicker({ id: 'departmentId', label: 'Department (department heads, spokespersons and policy delegates only)', value: val.departmentId, error: err.departmentId, placeholder: 'Choose a department', departments: v.departments.map((d) => ({ title: d.name, value: d.id })) }),
    ],
    [execute('Grant role', { verb: 'roles.grant' }, 'positive'), execute('Cancel', { verb: 'roles.show' }, undefined, { associatedInputs: 'none' })],
  );
}

/** The notice the person gets in their personal chat. */
export function roleChangedCard(p: { granted: boolean; roleLabel: string; by: string }) {
  return card(
    [
      title(p.granted ? `You are now ${p.roleLabel}` : `Your ${p.roleLabel} role was removed`),
      status(`${p.by} ${p.granted ? 'granted' : 'revoked'} it in Social Steward.`, p.granted ? 'good' : 'warning'),
      text(p.granted ? 'Open the help card to see what you can do now.' : 'Ask an admin if you think this is a mistake.'),
    ],
    [execute('Show what I can do', { verb: 'help.show' })],
  );
}

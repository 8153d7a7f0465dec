import type { Actor, Role } from '../domain/roles';
import { departmentChoices } from './departments';
import { describeHolding, isAdmin } from '../domain/roles';
import { bindingLabel, parseBindingKey } from '../domain/channels';
import { AppError } from '../errors/app-error';
import type { FieldErrors } from '../verbs/parse';
import type { Services } from './context';
import { peoplePickerView } from './people/find-people';

type Svc = Pick<Services, 'db' | 'config'>;

/** `roles` is public (who holds what is City business); only admins get the buttons. */
export async function rolesView({ db, config }: Svc, actor: Actor, notice?: string) {
  const grants = await db.roleGrant.findMany({ where: { revokedAt: null }, include: { person: true, department: true }, orderBy: { grantedAt: 'asc' } });
  const granters = new Map((await db.person.findMany({ where: { id: { in: grants.map((g) => g.grantedById ?? '') } } })).map((p) => [p.id, p.name]));
  const configAdmins = await db.person.findMany({ where: { aadObjectId: { in: [...config.firstAdmins] } } });
  return {
    grants: grants.map((g) => ({ grantId: g.id, personName: g.person.name, role: g.role as Role, departmentName: g.department?.name, grantedAt: g.grantedAt, grantedBy: g.grantedById ? granters.get(g.grantedById) : undefined })),
    configAdmins: configAdmins.map((p) => p.name),
    canManage: isAdmin(actor),
    timeZone: config.timeZone,
    notice,
  };
}

export async function grantFormView({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, values?: Record<string, string>, errors?: FieldErrors) {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can grant roles. `roles` shows who holds what.');
  // Issue 10: never every person on the card; the chosen one, and typeahead for the rest.
  const chosen = values?.personId && values.personId.length <= 40 ? [values.personId] : [];
  const [people, departments] = await Promise.all([
    peoplePickerView(db, config.peoplePicker, chosen),
    departmentChoices(db, { subunits: false }),
  ]);
  return { people, departments, values, errors };
}

export async function channelsView({ db, config }: Svc, actor: Actor, notice?: string) {
  const bindings = await db.channelBinding.findMany({ orderBy: { purpose: 'asc' } });
  const people = new Map((await db.person.findMany({ where: { id: { in: bindings.map((b) => b.boundById) } } })).map((p) => [p.id, p.name]));
  const departments = new Map((await db.department.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  return {
    bindings: bindings.flatMap((b) => {
      const key = parseBindingKey(b.purpose);
      if (!key) return [];
      const departmentName = key.departmentId ? (departments.get(key.departmentId) ?? key.departmentId) : undefined;
      return [{ purpose: key.purpose, ...(departmentName ? { departmentName } : {}), label: bindingLabel(b.purpose, (id) => departments.get(id)), channelName: b.channelName, boundBy: people.get(b.boundById) ?? 'unknown', boundAt: b.boundAt }];
    }),
    timeZone: config.timeZone,
    canBind: isAdmin(actor),
    notice,
  };
}

/** The bind form for the channel the admin is in, with its current purpose (and department) if it has one. */
export async function bindFormView({ db }: Pick<Services, 'db'>, actor: Actor, channelHere: () => Promise<{ channelId: string; channelName?: string }>) {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can bind channels. Ask an admin to type "bind channel" here.');
  const channel = await channelHere();
  const current = await db.channelBinding.findFirst({ where: { channelId: channel.channelId }, orderBy: { boundAt: 'desc' } });
  const key = current ? parseBindingKey(current.purpose) : null;
  const departments = await db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return { channelName: channel.channelName, current: key?.purpose, currentDepartmentId: key?.departmentId, departments };
}

/** The actor's roles in words, for the help card. */
export async function rolesInWords({ db }: Pick<Services, 'db'>, actor: Actor): Promise<string[]> {
  // Most people hold no department-scoped role: then help, asked on every turn that is not understood, reads nothing.
  const ids = actor.roles.flatMap((h) => (h.departmentId ? [h.departmentId] : []));
  const departments = new Map(ids.length ? (await db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]) : []);
  return actor.roles.map((h) => describeHolding(h, h.departmentId ? departments.get(h.departmentId) : undefined));
}

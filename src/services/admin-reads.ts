import type { Actor, Role } from '../domain/roles';
import { describeHolding, isAdmin } from '../domain/roles';
import type { ChannelPurpose } from '../domain/channels';
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
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { people, departments, values, errors };
}

export async function channelsView({ db, config }: Svc, actor: Actor, notice?: string) {
  const bindings = await db.channelBinding.findMany();
  const people = new Map((await db.person.findMany({ where: { id: { in: bindings.map((b) => b.boundById) } } })).map((p) => [p.id, p.name]));
  return {
    bindings: bindings.map((b) => ({ purpose: b.purpose as ChannelPurpose, channelName: b.channelName, boundBy: people.get(b.boundById) ?? 'unknown', boundAt: b.boundAt })),
    timeZone: config.timeZone,
    canBind: isAdmin(actor),
    notice,
  };
}

/** The bind form for the channel the admin is in, with its current purpose if it has one. */
export async function bindFormView({ db }: Pick<Services, 'db'>, actor: Actor, channelHere: () => Promise<{ channelId: string; channelName?: string }>) {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can bind channels. Ask an admin to type "bind channel" here.');
  const channel = await channelHere();
  const current = await db.channelBinding.findFirst({ where: { channelId: channel.channelId } });
  return { channelName: channel.channelName, current: current?.purpose as ChannelPurpose | undefined };
}

/** The actor's roles in words, for the help card. */
export async function rolesInWords({ db }: Pick<Services, 'db'>, actor: Actor): Promise<string[]> {
  // Most people hold no department-scoped role: then help, asked on every turn that is not understood, reads nothing.
  const ids = actor.roles.flatMap((h) => (h.departmentId ? [h.departmentId] : []));
  const departments = new Map(ids.length ? (await db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]) : []);
  return actor.roles.map((h) => describeHolding(h, h.departmentId ? departments.get(h.departmentId) : undefined));
}

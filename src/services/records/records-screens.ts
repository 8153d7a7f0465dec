import type { Actor } from '../../domain/roles';
import { canReadRecords } from '../../domain/records-access';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import type { FieldErrors } from '../../verbs/parse';
import type { TRecordsSearchInput } from '../../verbs/records';
import type { Services, Where } from '../context';
import { createExportLink } from './create-export-link';
import { resolveSearch } from './resolve-search';
import { searchRecordsFor } from './search-records';

type Svc = Pick<Services, 'db' | 'config' | 'publicUrl'>;
type Values = Partial<Record<keyof TRecordsSearchInput, string>>;
type Result = Awaited<ReturnType<typeof searchRecordsFor>>;

/** The records form, with what was typed, the problems beside the fields, and the result of a search. */
export type RecordsForm = { screen: 'form'; departments: Array<{ id: string; name: string }>; values?: Values; errors?: FieldErrors; result?: Result };
export type RecordsScreen = RecordsForm | { screen: 'export'; url: string; expires: string; search: string[] };

/** Records are read in the personal chat only, so search results and download links never land in a channel. */
function guard(actor: Actor, where: Pick<Where, 'kind'>): void {
  if (!canReadRecords(actor)) throw new AppError('NOT_AUTHORIZED', 'Only a records custodian or an admin can search the records. An admin can grant the Records custodian role.');
  if (where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Records are searched in your personal chat with Social Steward, so results stay private. Type "records" there.');
}

/** The empty form, or the form again with what was typed and what to fix (REC-2). */
export async function recordsForm(svc: Svc, actor: Actor, where: Pick<Where, 'kind'>, values?: Values, errors?: FieldErrors): Promise<RecordsForm> {
  guard(actor, where);
  const departments = await svc.db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return { screen: 'form', departments, values, errors };
}

/** Searches (REC-2), or the form with a name or date that matched nothing beside its field. */
export async function recordsSearch(svc: Svc, actor: Actor, where: Pick<Where, 'kind'>, values: TRecordsSearchInput): Promise<RecordsForm> {
  guard(actor, where);
  const r = await resolveSearch(svc.db, values, svc.config.timeZone);
  if (!r.ok) return recordsForm(svc, actor, where, values, r.errors);
  const result = await searchRecordsFor(svc.db, actor, r.query, { timeZone: svc.config.timeZone });
  return { ...(await recordsForm(svc, actor, where, values)), result };
}

/** A single-use download link for the export of this search (created and audited), or the form with its problems. */
export async function recordsExport(svc: Svc, actor: Actor, where: Pick<Where, 'kind'>, values: TRecordsSearchInput): Promise<RecordsScreen> {
  guard(actor, where);
  const r = await resolveSearch(svc.db, values, svc.config.timeZone);
  if (!r.ok) return recordsForm(svc, actor, where, values, r.errors);
  const link = await createExportLink(svc.db, actor, r.query);
  const search = (await searchRecordsFor(svc.db, actor, r.query, { perKind: 0 })).search;
  return { screen: 'export', url: `${svc.publicUrl()}${link.path}`, expires: formatWhen(link.expiresAt, svc.config.timeZone), search };
}

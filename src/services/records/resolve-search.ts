import type { Db } from '../../store/prisma';
import { endOfDay, startOfDay } from '../../domain/records-access';
import type { RecordsQuery } from '../../records/query';
import type { TRecordsSearchInput } from '../../verbs/records';

export type Resolved = { ok: true; query: RecordsQuery } | { ok: false; errors: Record<string, string> };

/**
 * Turns what a person typed into a records query: a presence by handle or id, a department by name or id, a person
 * by name or id (each may match several), and calendar days in the City's time zone. A name that matches nothing is
 * an error naming the field, so a typo never silently widens or empties the search.
 */
export async function resolveSearch(db: Db, input: TRecordsSearchInput, timeZone: string): Promise<Resolved> {
  const errors: Record<string, string> = {};
  const query: RecordsQuery = {};
  if (input.presence) {
    const hits = await db.presence.findMany({ where: { OR: [{ id: input.presence }, { handle: { contains: input.presence } }] }, select: { id: true } });
    if (hits.length) query.presenceIds = hits.map((h) => h.id).slice(0, 200);
    else errors.presence = `No presence in the registry has a handle like "${input.presence}".`;
  }
  if (input.department) {
    const hits = await db.department.findMany({ where: { OR: [{ id: input.department }, { name: { contains: input.department } }] }, select: { id: true } });
    if (hits.length) query.departmentIds = hits.map((h) => h.id).slice(0, 200);
    else errors.department = `No City department is called "${input.department}".`;
  }
  if (input.person) {
    const hits = await db.person.findMany({ where: { OR: [{ id: input.person }, { name: { contains: input.person } }] }, select: { id: true } });
    if (hits.length) query.personIds = hits.map((h) => h.id).slice(0, 200);
    else errors.person = `Nobody called "${input.person}" has used Social Steward.`;
  }
  if (input.words) query.words = input.words;
  if (input.from) query.from = startOfDay(input.from, timeZone).toISOString();
  if (input.to) query.to = endOfDay(input.to, timeZone).toISOString();
  if (query.from && query.to && query.from > query.to) errors.from = 'The start of the date range must come before its end.';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, query };
}

import type { Actor } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import { containsText } from '../../store/prisma';
import { SEARCH_RESULT_CAP, type SearchChoice, type TSearchInvoke } from '../../verbs/search';
import type { Services, Where } from '../context';
import { searchPeople } from './find-people';

/**
 * Answers the bot's typeahead datasets (issue 10). Department names are public (the registry shows them), so anyone
 * may search them; people are searched only in a personal chat, where requests are made and roles granted, so a
 * channel cannot be used to list the City's staff. At most 15 results, as Teams shows.
 */
export async function searchDataset(svc: Pick<Services, 'db'>, _actor: Actor, where: Pick<Where, 'kind'>, q: TSearchInvoke): Promise<SearchChoice[]> {
  const skip = Math.min(q.queryOptions?.skip ?? 0, 1000);
  const take = Math.min(q.queryOptions?.top ?? SEARCH_RESULT_CAP, SEARCH_RESULT_CAP);
  if (q.dataset === 'departments') {
    const rows = await svc.db.department.findMany({ where: q.queryText ? { name: containsText(svc.db, q.queryText) } : {}, orderBy: { name: 'asc' }, skip, take, select: { id: true, name: true } });
    return rows.map((d) => ({ title: d.name, value: d.id }));
  }
  if (where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'People are chosen in your personal chat with Social Steward.');
  return searchPeople(svc.db, q.queryText, take);
}

import { containsText, type Db, type Tx } from '../../store/prisma';
import { SEARCH_RESULT_CAP, type SearchChoice } from '../../verbs/search';

/** What a people input needs: how people are chosen here, and the static choices (the chosen ones first). */
export type PickerMode = 'teams' | 'bot';

export interface PeoplePickerView {
  mode: PickerMode;
  choices: SearchChoice[];
  /** Every person the bot knows is among the choices (a small City, the Playground): no typeahead needed. */
  complete?: boolean;
}

/** The picker for the configured mode, with whoever is chosen now among its choices. */
export async function peoplePickerView(db: Db | Tx, mode: PickerMode, chosenIds: readonly string[]): Promise<PeoplePickerView> {
  const choices = await peopleChoices(db, chosenIds, mode === 'bot');
  // The Playground shows a typeahead's static choices only when the input names no dataset (issue 10 e2e).
  return { mode, choices, complete: mode === 'bot' && (await db.person.count()) <= choices.length };
}

/** Typed names are cut to this before they reach the database. */
export const NAME_QUERY_MAX = 100;

/** People whose name contains the text, by name; at most the cap (Teams shows 15). */
export async function searchPeople(db: Db, text: string, take = SEARCH_RESULT_CAP): Promise<SearchChoice[]> {
  const q = text.trim().slice(0, NAME_QUERY_MAX);
  const rows = await db.person.findMany({ where: q ? { name: containsText(db, q) } : {}, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: Math.min(take, SEARCH_RESULT_CAP), select: { id: true, name: true } });
  return rows.map((p) => ({ title: p.name, value: p.id }));
}

/**
 * The static choices of a people picker: whoever is chosen now (so the card shows them by name), then people who hold
 * a role (approvers, heads), then anyone, up to the cap. A City of 3,000 is found by typing (search invoke or Graph);
 * a small one (the Playground's six) is listed whole, since the Playground cannot run typeahead.
 */
export async function peopleChoices(db: Db | Tx, chosenIds: readonly string[], suggest = true): Promise<SearchChoice[]> {
  const chosen = chosenIds.length ? await db.person.findMany({ where: { OR: [{ id: { in: [...chosenIds] } }, { aadObjectId: { in: [...chosenIds] } }] }, select: { id: true, name: true } }) : [];
  if (!suggest) return chosen.map((p) => ({ title: p.name, value: p.id }));
  const holders = await db.person.findMany({ where: { roles: { some: { revokedAt: null } } }, orderBy: { name: 'asc' }, take: SEARCH_RESULT_CAP, select: { id: true, name: true } });
  const rest = await db.person.findMany({ orderBy: { name: 'asc' }, take: SEARCH_RESULT_CAP, select: { id: true, name: true } });
  const out = new Map<string, string>();
  for (const p of [...chosen, ...holders, ...rest]) if (out.size < SEARCH_RESULT_CAP + chosen.length && !out.has(p.id)) out.set(p.id, p.name);
  return [...out].map(([value, title]) => ({ title, value }));
}

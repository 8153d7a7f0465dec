import { z } from 'zod';

/**
 * Typeahead datasets the bot answers itself (the `application/search` invoke of an Input.ChoiceSet whose
 * `choices.data` is a Data.Query). Cards may only name these, or Teams' own people picker (GRAPH_USERS), which
 * Teams answers from Microsoft Graph and which returns Entra object ids.
 */
export const SEARCH_DATASETS = ['departments', 'people'] as const;
export type SearchDataset = (typeof SEARCH_DATASETS)[number];
export const GRAPH_USERS = 'graph.microsoft.com/users';

/** Teams' dropdown shows at most 15 results; asking for more only costs the database. */
export const SEARCH_RESULT_CAP = 15;

/** The invoke's value, parsed like any card data: the query is capped and the dataset must be one of ours. */
export const ZSearchInvoke = z.object({
  dataset: z.enum(SEARCH_DATASETS),
  queryText: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(100)),
  queryOptions: z.object({ top: z.coerce.number().int().min(1).optional(), skip: z.coerce.number().int().min(0).max(1000).optional() }).partial().optional(),
});
export type TSearchInvoke = z.infer<typeof ZSearchInvoke>;
export interface SearchChoice {
  title: string;
  value: string;
}

import { z } from 'zod';
import { blankToUndefined } from './parse';

const day = (label: string) => z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use a date like 2026-01-31`).refine((v) => !Number.isNaN(Date.parse(v)), `${label}: that is not a date`).optional());
const words = (max: number, label: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, `${label}: at most ${max} characters`).optional());

/** The records search form (and the CLI's flags): every field optional; names are matched on the server. */
export const ZRecordsSearchInput = z.object({
  presence: words(100, 'Presence'),
  department: words(100, 'Department'),
  person: words(100, 'Person'),
  words: words(200, 'Words'),
  from: day('From'),
  to: day('To'),
});
export type TRecordsSearchInput = z.infer<typeof ZRecordsSearchInput>;

export const ZRecordsSearch = ZRecordsSearchInput.extend({ verb: z.literal('records.search') });
export const ZRecordsExport = ZRecordsSearchInput.extend({ verb: z.literal('records.export') });

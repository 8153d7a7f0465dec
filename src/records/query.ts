import { z } from 'zod';

/**
 * A records search (REC-2): every filter is optional and they combine with AND, so adding a filter can only narrow
 * the result. Presences, departments and people are lists of ids (a search by name resolves to the ids it matched).
 */
export const ZRecordsQuery = z
  .object({
    presenceIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    departmentIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    personIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    /** Words the record holds (a post's text, a reason), any case; records that hold no text do not match. */
    words: z.string().trim().min(1).max(200).optional(),
    /** Inclusive bounds, ISO 8601. */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start of the date range must come before its end', path: ['from'] });
export type RecordsQuery = z.infer<typeof ZRecordsQuery>;

/** What a record is about, for matching: its own time span and the presences, departments and people it concerns. */
export interface Facets {
  /** When the record was made (an audit event's time). */
  at: Date;
  /** When it last changed; absent for records that never change. */
  until?: Date;
  presenceIds: readonly (string | null | undefined)[];
  departmentIds: readonly (string | null | undefined)[];
  personIds: readonly (string | null | undefined)[];
  /** The text a words search reads (a post's text and address, a round's snapshot and reason, an event's data). */
  texts?: readonly (string | null | undefined)[];
}

const overlaps = (wanted: readonly string[] | undefined, have: readonly (string | null | undefined)[]) =>
  wanted === undefined || have.some((id) => typeof id === 'string' && wanted.includes(id));

/** A record matches when each given filter matches; a date range matches a record made or changed within it. */
export function matchesQuery(q: RecordsQuery, f: Facets): boolean {
  if (q.to && f.at.getTime() > Date.parse(q.to)) return false;
  if (q.from && (f.until ?? f.at).getTime() < Date.parse(q.from)) return false;
  if (q.words && !hasWords(q.words, f.texts ?? [])) return false;
  return overlaps(q.presenceIds, f.presenceIds) && overlaps(q.departmentIds, f.departmentIds) && overlaps(q.personIds, f.personIds);
}

/** The words as typed, in any case, anywhere in one of the record's texts. */
function hasWords(words: string, texts: readonly (string | null | undefined)[]): boolean {
  const wanted = words.toLocaleLowerCase('en-US');
  return texts.some((t) => typeof t === 'string' && t.toLocaleLowerCase('en-US').includes(wanted));
}

/** The search in words, for the card, the CLI and the printable index. */
export function describeQuery(q: RecordsQuery, names: { presence(id: string): string; department(id: string): string; person(id: string): string }): string[] {
  const out: string[] = [];
  if (q.presenceIds) out.push(`Presence: ${q.presenceIds.map(names.presence).join(', ')}`);
  if (q.departmentIds) out.push(`Department: ${q.departmentIds.map(names.department).join(', ')}`);
  if (q.personIds) out.push(`Person: ${q.personIds.map(names.person).join(', ')}`);
  if (q.words) out.push(`Words: "${q.words}"`);
  if (q.from || q.to) out.push(`Dates: ${q.from ?? 'the beginning'} to ${q.to ?? 'now'}`);
  return out.length ? out : ['Everything on record'];
}

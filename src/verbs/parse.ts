import { z } from 'zod';

/** Errors keyed by input id, shown beside the field; a form card always keeps the values the person typed. */
export type FieldErrors = Partial<Record<string, string>>;

/** Card inputs arrive as strings; an empty one means "not answered". */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a card's Action.Execute data with its schema. On failure the errors are keyed by input id so the same
 * card can come back with each problem beside its field, and the raw values so nothing the person typed is lost.
 */
export function parseCard<S extends z.ZodType>(schema: S, data: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  const values: Record<string, string> = {};
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string') values[k] = v;
  }
  return { ok: false, errors, values };
}

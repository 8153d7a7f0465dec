import { actionSet, bullets, card, container, details, execute, facts, heading, openUrl, showDetails, status, text, title, type AdaptiveCard, type Element } from '../common/elements';
import { textInput, type FieldErrors } from '../common/inputs';
import { departmentPicker } from '../common/pickers';
import type { TRecordsSearchInput } from '../../src/verbs/records';

/** Teams refuses cards over 28 KB; we stay under 24 KB whatever the records hold (CARDS.md). */
export const MAX_CARD_BYTES = 24_000;

export interface KindLines {
  label: string;
  count: number;
  lines: string[];
}

export interface RecordsCardView {
  departments: Array<{ id: string; name: string }>;
  values?: Partial<Record<keyof TRecordsSearchInput, string>>;
  errors?: FieldErrors;
  result?: { search: string[]; total: number; kinds: KindLines[] };
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function dateInput(id: 'from' | 'to', label: string, value?: string, error?: string): Element[] {
  const input: Element = { type: 'Input.Date', id, label, ...(value ? { value } : {}) };
  return error ? [input, { type: 'TextBlock', text: error, weight: 'Bolder', wrap: true, spacing: 'None', size: 'Small' }] : [input];
}

function resultBlock(r: NonNullable<RecordsCardView['result']>, perKind: number): Element {
  const items: Element[] = [];
  for (const k of r.kinds.filter((x) => x.count > 0)) {
    const shown = k.lines.slice(0, perKind);
    if (!shown.length) continue;
    items.push(heading(k.label));
    items.push(bullets(shown.map((l) => clip(l, 100)), { size: 'Small' }));
    if (k.count > shown.length) items.push(text(`and ${k.count - shown.length} more in the export`, { subtle: true, size: 'Small' }));
  }
  // The counts first; the matching lines one tap away, so the search form and Export stay near (issue 19).
  const counts = facts(r.kinds.map((k) => [k.label, String(k.count)]));
  return container(items.length ? [counts, actionSet([showDetails('records-found', 'Show what matched')]), details('records-found', items)] : [counts], 'emphasis');
}

/**
 * `records` (REC-2): the search form, and below it what matched, grouped by kind, with Export. However many
 * records match, the card lists only a few per kind and shrinks that number until the card fits.
 */
export function recordsCard(view: RecordsCardView): AdaptiveCard {
  // What was typed comes back on the card: never more of it than the form allows.
  const values = Object.fromEntries(Object.entries(view.values ?? {}).map(([k, val]) => [k, typeof val === 'string' ? val.slice(0, 100) : val]));
  const errors = Object.fromEntries(Object.entries(view.errors ?? {}).map(([k, val]) => [k, typeof val === 'string' ? clip(val, 300) : val]));
  const v = { ...view, values, errors } as RecordsCardView;
  const e = v.errors ?? {};
  const build = (perKind: number) =>
    card(
      [
        title('Public records'),
        v.result
          ? status(`${v.result.total} records match. ${clip(v.result.search.join('; '), 300)}`)
          : status('Search every record Social Steward keeps, by presence, department, person, words and dates.'),
        ...(e._form ? [status(e._form, 'attention')] : []),
        v.result && resultBlock(v.result, perKind),
        heading(v.result ? 'Change the search' : 'Search'),
        text('Leave a field empty to include everything; each filter you add narrows the search.', { subtle: true, size: 'Small' }),
        ...textInput({ id: 'presence', label: 'Presence (handle)', placeholder: '@MadisonParks', value: v.values?.presence, maxLength: 100, error: e.presence }),
        ...departmentPicker({ id: 'department', label: 'Department', placeholder: 'Any department', departments: v.departments.map((d) => ({ title: d.name, value: d.id })), value: v.values?.department, error: e.department }),
        ...textInput({ id: 'person', label: 'Person (name)', placeholder: 'Pat Parker', value: v.values?.person, maxLength: 100, error: e.person }),
        ...textInput({ id: 'words', label: "Words (in a post's text, a reason)", placeholder: 'Goodman Pool', value: v.values?.words, maxLength: 200, error: e.words }),
        ...dateInput('from', 'From (first day)', v.values?.from, e.from),
        ...dateInput('to', 'To (last day)', v.values?.to, e.to),
      ],
      [
        // Once something matched, exporting it is what most people want next.
        // It exports the search shown, not whatever the form holds now.
        v.result && v.result.total > 0 && execute('Export as ZIP', { verb: 'records.export', ...v.values }, 'positive', { associatedInputs: 'none' }),
        execute('Search', { verb: 'records.search' }, v.result && v.result.total > 0 ? undefined : 'positive'),
        execute('Back to help', { verb: 'help.show' }, undefined, { associatedInputs: 'none' }),
      ],
    );
  for (let perKind = 5; perKind > 0; perKind--) {
    const c = build(perKind);
    if (Buffer.byteLength(JSON.stringify(c)) <= MAX_CARD_BYTES) return c;
  }
  return build(0);
}

/** The single-use link (REC-2): opening it downloads the ZIP and is recorded in the audit trail. */
export function exportReadyCard(v: { url: string; expires: string; search: string[] }): AdaptiveCard {
  return card(
    [
      title('Your records export is ready'),
      status('The link below works once and expires in 24 hours.'),
      text(`Search: ${clip(v.search.join('; '), 300)}`, { size: 'Small' }),
      text(`Expires ${v.expires}. Opening it is recorded in the audit trail. The ZIP has one CSV (opens in Excel) and one JSON file per kind of record, an index.html to print, and a manifest that "npm run records -- verify" checks.`, { subtle: true, size: 'Small' }),
    ],
    [{ ...openUrl('Download ZIP', v.url), style: 'positive' }, execute('New search', { verb: 'records.show' }), execute('Back to help', { verb: 'help.show' })],
  );
}

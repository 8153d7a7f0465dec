/**
 * Typed builders for the Adaptive Card 1.5 elements we use. teams-ai v1 leaves cards untyped; these keep every card
 * to one vocabulary (CARDS.md): a title, a status line with words, FactSets, labelled inputs, Execute actions.
 */
import type { Verb } from '../../src/verbs';
import { phoneSafe, preview } from './phone-text';

export { phoneSafe, preview };

export type Color = 'default' | 'good' | 'warning' | 'attention' | 'accent';

export interface Element {
  type: string;
  [key: string]: unknown;
}

export interface Action {
  type: 'Action.Execute' | 'Action.ShowCard' | 'Action.OpenUrl' | 'Action.ToggleVisibility';
  title: string;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Element[];
  actions?: Action[];
  [key: string]: unknown;
}

/** Side by side at 360 px, three short titles fit; Teams drops whatever passes six (CARDS.md "Limits"). */
export const MAX_VISIBLE_ACTIONS = 3;

/**
 * Teams lays a card's buttons in one row that a 360 px phone must hold whole (issue 19). Measured with the phone
 * harness (test/render): "Save draft · Back · Check answers" fits, "Next review · See the request · Back to reviews"
 * is cut, as are "Set up · Edit details · Request a change · ...". A row holds about this many characters, counting
 * each button's padding as four.
 */
const ROW_FITS = 44;
const rowLength = (titles: readonly string[]) => titles.reduce((n, t) => n + t.length + 4, 0);

/** How many buttons stay in the row: at most three, and fewer when the row would be cut; the rest go to "...". */
function visibleButtons(acts: readonly Action[]): number {
  for (let k = Math.min(MAX_VISIBLE_ACTIONS, acts.length); k > 1; k--) {
    const titles = acts.slice(0, k).map((a) => String(a.title ?? ''));
    if (rowLength(acts.length > k ? [...titles, '...'] : titles) <= ROW_FITS) return k;
  }
  return 1;
}

/** Marks the buttons past what the row holds as secondary (Adaptive Cards 1.5 `mode`), shown by Teams as "...". */
function fitRow(actions: readonly Action[]): Action[] {
  const shown = visibleButtons(actions);
  return actions.map((a, i) => (i < shown ? a : { ...a, mode: 'secondary' }));
}

export function card(body: Array<Element | null | undefined | false>, actions: Array<Action | null | undefined | false> = []): AdaptiveCard {
  // The first buttons stay in the row; the rest go to the card's "..." menu (Adaptive Cards 1.5 `mode: secondary`).
  const acts = fitRow(actions.filter(Boolean) as Action[]);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: body.filter(Boolean) as Element[],
    ...(acts.length ? { actions: acts } : {}),
  };
}

/**
 * Text keeps the default colour (CARDS.md, issue 19): Teams' good (2.1:1) and warning (1.5:1) are unreadable on
 * white and attention reads 3.2:1 on the dark theme. A coloured line is bold instead; the words say what it means.
 */
function readable(color: Color | undefined): Color | undefined {
  return color === 'good' || color === 'warning' || color === 'attention' ? 'default' : color;
}

export function title(text: string): Element {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' };
}

/** A status line always carries words; the colour only repeats them. */
export function status(text: string, color: Color = 'default'): Element {
  return { type: 'TextBlock', text, color: readable(color), weight: color === 'default' ? 'Default' : 'Bolder', wrap: true, spacing: 'Small' };
}

export function text(value: string, opts: { subtle?: boolean; size?: 'Small' | 'Default'; color?: Color; weight?: 'Bolder' } = {}): Element {
  const color = readable(opts.color);
  const weight = opts.weight ?? (color !== opts.color ? 'Bolder' : undefined);
  return { type: 'TextBlock', text: value, wrap: true, isSubtle: opts.subtle ?? false, size: opts.size ?? 'Default', ...(color ? { color } : {}), ...(weight ? { weight } : {}) };
}

export function heading(value: string): Element {
  return { type: 'TextBlock', text: value, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

/** TextBlocks break a long word at the card's edge; a FactSet is a table, whose cells do not, so values are made safe. */
export function facts(pairs: Array<[string, string | undefined | null]>): Element {
  return { type: 'FactSet', facts: pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([t, v]) => ({ title: t, value: phoneSafe(v as string) })) };
}

/** One TextBlock per item: a markdown list is drawn 40 px wider than the card by the web renderer and clipped. */
export function bullets(items: string[], opts: { size?: 'Small' | 'Default' } = {}): Element {
  return { type: 'Container', spacing: 'Small', items: items.map((i) => ({ ...text(`• ${i}`, opts), spacing: 'None' })) };
}

export function container(items: Element[], style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent'): Element {
  return { type: 'Container', items, ...(style ? { style, bleed: false } : {}), spacing: 'Medium' };
}

export function columns(cols: Array<{ items: Element[]; width?: 'auto' | 'stretch' | number }>): Element {
  return { type: 'ColumnSet', columns: cols.map((c) => ({ type: 'Column', width: c.width ?? 'stretch', items: c.items, verticalContentAlignment: 'Center' })) };
}

/** Card data names the record and what the clicker saw; authority always comes from the server (TEAMS.md). */
export function execute(title: string, data: { verb: Verb } & Record<string, unknown>, style?: 'positive' | 'destructive', opts: { associatedInputs?: 'auto' | 'none' } = {}): Action {
  const { verb, ...rest } = data;
  return { type: 'Action.Execute', title, verb, data: { verb, ...rest }, ...(style ? { style } : {}), ...(opts.associatedInputs ? { associatedInputs: opts.associatedInputs } : {}) };
}

export function openUrl(title: string, url: string): Action {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * A step that asks before acting (a reason, a confirmation) in a ShowCard. The opening button is always plain
 * (CARDS.md, issue 10): an undoing action is never the card's loudest; only the confirming button inside may be
 * styled destructive. Withdraw, Discard and Revoke confirm on a card of their own (cards/common/confirm-card.ts).
 */
// `_style` is kept so older call sites compile; the opener is plain whatever they ask for.
export function confirm(title: string, body: Element[], confirmAction: Action, _style?: 'destructive' | 'default'): Action {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', version: '1.5', body, actions: [confirmAction] } };
}

/**
 * A record's facts with long values shortened, the whole record hidden below until the reader taps the facts
 * (`selectAction` toggles it): a summary stays one screen-friendly block per section.
 */
export function briefFacts(id: string, pairs: Array<[string, string | undefined | null]>, max = 60): Element {
  const shown = pairs.map(([k, v]) => [k, v ? preview(v, max) : v] as [string, string | undefined | null]);
  const cut = shown.some(([, v], i) => v !== pairs[i][1]);
  if (!cut) return facts(pairs);
  return {
    type: 'Container',
    items: [{ type: 'Container', id: `${id}-brief`, items: [facts(shown), text('Tap to read every answer in full.', { subtle: true, size: 'Small' })] }, details(id, [facts(pairs)])],
    selectAction: { type: 'Action.ToggleVisibility', title: 'Read in full', targetElements: [id, `${id}-brief`] },
  };
}

/** A long note (a returned request's reason, the Mayor's Office comments): its start, the whole one tap away. */
export function longNote(id: string, note: string, opts: { weight?: 'Bolder'; max?: number } = {}): Element {
  const brief = preview(note, opts.max ?? 160);
  if (brief === note.trim()) return text(note, { weight: opts.weight });
  return {
    type: 'Container',
    items: [{ ...text(`${brief} (tap to read all)`, { weight: opts.weight }), id: `${id}-brief` }, details(id, [text(note, { weight: opts.weight })])],
    selectAction: { type: 'Action.ToggleVisibility', title: 'Read all', targetElements: [id, `${id}-brief`] },
  };
}

/** A "Show details" button that opens (and closes) the hidden container `id`: the full record, one click away. */
export function showDetails(id: string, label = 'Show details'): Action {
  return { type: 'Action.ToggleVisibility', title: label, targetElements: [id] };
}

/** The full record, hidden until "Show details" (CARDS.md "On a phone"): decisions stay within two screens. */
export function details(id: string, items: Element[]): Element {
  return { type: 'Container', id, isVisible: false, items, spacing: 'Medium' };
}

export function actionSet(actions: Action[]): Element {
  return { type: 'ActionSet', actions: fitRow(actions) };
}

export { formatWhen } from '../../src/domain/when';

/**
 * Typed builders for the Adaptive Card 1.5 elements we use. teams-ai v1 leaves cards untyped; these keep every card
 * to one vocabulary (CARDS.md): a title, a status line with words, FactSets, labelled inputs, Execute actions.
 */
import type { Verb } from '../../src/verbs';

export type Color = 'default' | 'good' | 'warning' | 'attention' | 'accent';

export interface Element {
  type: string;
  [key: string]: unknown;
}

export interface Action {
  type: 'Action.Execute' | 'Action.ShowCard' | 'Action.OpenUrl';
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

export function card(body: Array<Element | null | undefined | false>, actions: Array<Action | null | undefined | false> = []): AdaptiveCard {
  const acts = actions.filter(Boolean) as Action[];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: body.filter(Boolean) as Element[],
    ...(acts.length ? { actions: acts } : {}),
  };
}

export function title(text: string): Element {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' };
}

/** A status line always carries words; the colour only repeats them. */
export function status(text: string, color: Color = 'default'): Element {
  return { type: 'TextBlock', text, color, weight: color === 'default' ? 'Default' : 'Bolder', wrap: true, spacing: 'Small' };
}

export function text(value: string, opts: { subtle?: boolean; size?: 'Small' | 'Default'; color?: Color; weight?: 'Bolder' } = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, isSubtle: opts.subtle ?? false, size: opts.size ?? 'Default', ...(opts.color ? { color: opts.color } : {}), ...(opts.weight ? { weight: opts.weight } : {}) };
}

export function heading(value: string): Element {
  return { type: 'TextBlock', text: value, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

export function facts(pairs: Array<[string, string | undefined | null]>): Element {
  return { type: 'FactSet', facts: pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([t, v]) => ({ title: t, value: v })) };
}

export function bullets(items: string[]): Element {
  return text(items.map((i) => `- ${i}`).join('\n'));
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

/** Destructive actions confirm in a ShowCard first (CARDS.md). `default` is for a step that asks something but undoes nothing. */
export function confirm(title: string, body: Element[], confirmAction: Action, style: 'destructive' | 'default' = 'destructive'): Action {
  return { type: 'Action.ShowCard', title, style, card: { type: 'AdaptiveCard', version: '1.5', body, actions: [confirmAction] } };
}

export function actionSet(actions: Action[]): Element {
  return { type: 'ActionSet', actions };
}

export { formatWhen } from '../../src/domain/when';

/**
 * Renders Adaptive Cards as Teams would on a phone (issue 19, CARDS.md "On a phone"): Microsoft's `adaptivecards`
 * 3.0 renderer with the Teams light and dark host configs and CSS (vendored from adaptivecards-designer 2.4.4, see
 * vendor/LICENSE), in Debian's chromium at 360 CSS px, one screen being 640 px.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, type BrowserSession } from '../e2e/playground-driver';

export const PHONE = { width: 360, screen: 640 };
export type Theme = 'light' | 'dark';

/** Buttons that decide or submit: they must stand within the first two screens. */
export const DECISION_BUTTONS = '^(Approve|Submit|File|Send|Acknowledge|Return|Reject|Yes,)';

export interface Problem {
  kind: 'cut button title' | 'cut text' | 'cut toggle or choice' | 'low contrast' | 'dropped actions' | 'decision out of reach' | 'too tall';
  text: string;
  detail?: string;
}

export interface Rendering {
  height: number;
  screens: number;
  problems: Problem[];
  buttons: string[];
}

const vendor = (f: string) => path.join(__dirname, 'vendor', f);
const hostConfigs: Record<Theme, unknown> = {
  light: JSON.parse(readFileSync(vendor('microsoft-teams-light.json'), 'utf8')),
  dark: JSON.parse(readFileSync(vendor('microsoft-teams-dark.json'), 'utf8')),
};

const AFTER_TAP = new Set<Problem['kind']>(['cut button title', 'cut text', 'cut toggle or choice', 'low contrast', 'dropped actions']);

/** The card with every part hidden behind a ToggleVisibility opened, or null when nothing is hidden. */
export function revealHidden(card: unknown): unknown | null {
  let hidden = false;
  const open = (n: any): any => {
    if (Array.isArray(n)) return n.map(open);
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'isVisible' && v === false) hidden = true;
      else out[k] = k === 'card' ? v : open(v);
    }
    return out;
  };
  const opened = open(card);
  return hidden ? opened : null;
}

/** Each Action.ShowCard's card (confirmations, reason boxes), as the reader sees it once opened, hidden parts open. */
export function showCardsOf(card: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.ShowCard' && n.card) out.push(revealHidden(n.card) ?? n.card);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

export class CardRenderer {
  private constructor(private readonly browser: BrowserSession) {}

  static async start(): Promise<CardRenderer> {
    const browser = await launchBrowser({ viewport: { width: PHONE.width, height: PHONE.screen } });
    return new CardRenderer(browser);
  }

  private theme?: Theme;

  private async load(theme: Theme): Promise<void> {
    this.theme = theme;
    const { page } = this.browser;
    const bg = theme === 'light' ? '#ffffff' : '#2d2c2c';
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:${bg}"><div id="host"></div></body></html>`);
    await page.addStyleTag({ path: vendor(`teams-container-${theme}.css`) });
    // The designer's dark CSS keeps the light theme's link colour (#6264A7, 2.6:1 on dark); links take the host
    // config's accent colour, as in Teams' dark theme.
    const accent = (hostConfigs[theme] as any).containerStyles.default.foregroundColors.accent.default as string;
    if (theme === 'dark') await page.addStyleTag({ content: `a.ac-anchor:link, a.ac-anchor:visited { color: #${accent.replace('#', '').slice(-6)}; }` });
    // Teams renders markdown (bold, links) in TextBlocks and facts; the designer does it with markdown-it too.
    await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ path: path.join(__dirname, 'page', 'measure.js') });
  }

  /**
   * Renders one card; with `screenshot` saves a full-height PNG of it there. What shows only after a tap is measured
   * too (issue 19): the card with every hidden part opened (ToggleVisibility targets) and each ShowCard's own card.
   * Their cut text, buttons, choices and contrast count; their height and button reach do not (the reader chose to
   * open them).
   */
  async render(card: unknown, theme: Theme, screenshot?: string): Promise<Rendering> {
    await this.load(theme);
    const result = await this.measure(card);
    if (screenshot) await this.shoot(screenshot);
    const opened = revealHidden(card);
    const afterTap = [...(opened ? [opened] : []), ...showCardsOf(card)];
    for (const [i, extra] of afterTap.entries()) {
      const r = await this.measure(extra);
      result.problems.push(...r.problems.filter((p) => AFTER_TAP.has(p.kind)).map((p) => ({ ...p, detail: `after a tap${p.detail ? `; ${p.detail}` : ''}` })));
      if (screenshot && i === 0 && opened) await this.shoot(screenshot.replace(/\.png$/, '-opened.png'));
    }
    const seen = new Set<string>();
    result.problems = result.problems.filter((p) => {
      const key = `${p.kind}|${p.text}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return result;
  }

  private async measure(card: unknown): Promise<Rendering> {
    return (await this.browser.page.evaluate(
      ([c, hc, opts]) => (globalThis as any).renderAndMeasure(c, hc, opts),
      [card, hostConfigs[this.theme!], { width: PHONE.width, screen: PHONE.screen, decisionPattern: DECISION_BUTTONS }] as const,
    )) as Rendering;
  }

  private async shoot(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.browser.page.locator('#host').screenshot({ path: file });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

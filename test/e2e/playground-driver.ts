/**
 * Drives the Microsoft 365 Agents Playground's web UI with Debian's chromium through playwright-core, for the
 * browser e2e tests. What the selectors rely on (checked against @microsoft/m365agentsplayground 0.2.28):
 *  - compose box: div[contenteditable="true"][role="textbox"] (in a channel the first one is "Start a new post",
 *    later ones are the reply boxes under each post);
 *  - conversations in the left rail: role=treeitem, aria-label "Personal Chat", "<group chat name>",
 *    "<team name> - <channel name>";
 *  - Adaptive Cards: .ac-adaptiveCard (Microsoft's adaptivecards renderer); card buttons are <button title="...">;
 *  - the @mention picker: role=menu / role=menuitem with the bot's name. In group chats and channels the Playground,
 *    like Teams, only delivers messages that @mention the bot.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');
export const DEFAULT_WAIT_MS = 60_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium (apt), never a downloaded browser. CHROMIUM_PATH overrides. */
export function chromiumExecutablePath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    if (found) return found.split('\n')[0];
  } catch {
    /* fall through */
  }
  throw new Error('chromium not found: install it with `apt-get install chromium` or set CHROMIUM_PATH');
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and deletes its throwaway profile. */
  close(): Promise<void>;
}

/** Headless chromium with a fresh, throwaway user-data-dir. */
export async function launchBrowser(opts: { viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutablePath(),
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'en-US', // the Log Panel's wording and times
    viewport: opts.viewport ?? { width: 1400, height: 900 },
  });
  context.setDefaultTimeout(DEFAULT_WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Outermost Adaptive Cards only (Action.ShowCard renders nested ones). */
const CARD_SELECTOR = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';
const COMPOSE_SELECTOR = 'div[contenteditable="true"][role="textbox"]';

export interface WaitOptions {
  timeoutMs?: number;
}

/** One Playground tab. Every wait defaults to 60 s and saves a screenshot to test/artifacts on timeout. */
export class PlaygroundPage {
  /** Conversations opened since the page loaded (the Personal Chat opens with the page). */
  private readonly visited = new Set<string>(['Personal Chat']);

  constructor(
    readonly page: Page,
    readonly url: string,
    readonly botName = 'Social Steward',
  ) {}

  /**
   * Opens the Playground (its Personal Chat is selected by default), waits for the compose box, then - unless
   * waitForInstall is false - for the bot to have answered the install (installationUpdate + conversationUpdate the
   * Playground sends on opening a chat) and for the page to go quiet, so a welcome card is not mistaken for a reply.
   */
  static async open(page: Page, url: string, opts: { botName?: string; waitForInstall?: boolean } & WaitOptions = {}): Promise<PlaygroundPage> {
    const timeout = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    const pg = new PlaygroundPage(page, url, opts.botName);
    await page.goto(url);
    await pg.guard('the compose box', () => pg.composeBox().waitFor({ state: 'visible', timeout }));
    if (opts.waitForInstall ?? true) {
      await pg.waitForLogLine(/conversationUpdate \d{3}/, { timeoutMs: timeout });
      await pg.waitForIdle({ timeoutMs: timeout });
    }
    return pg;
  }

  /**
   * Waits for a line in the Playground's Log Panel (open by default), e.g. /conversationUpdate \d{3}/: the Playground
   * logs "<activity type> <HTTP status>" once the bot has answered an activity.
   */
  async waitForLogLine(pattern: RegExp, opts: WaitOptions = {}): Promise<void> {
    const line = this.page.getByText(pattern).first();
    await this.guard(`log line ${pattern}`, () => line.waitFor({ state: 'visible', timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
  }

  /** Waits until nothing on the page has changed for quietMs (default 2 s: the bot's outbox polls every second). */
  async waitForIdle(opts: { quietMs?: number } & WaitOptions = {}): Promise<void> {
    const quietMs = opts.quietMs ?? 2000;
    const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_WAIT_MS);
    const signature = () =>
      this.page.evaluate((sel) => {
        const doc = (globalThis as unknown as { document: { body: { innerText: string }; querySelectorAll(s: string): { length: number } } }).document;
        return `${doc.querySelectorAll(sel).length}:${doc.body.innerText.length}`;
      }, CARD_SELECTOR);
    let last = await signature();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`Playground: the page kept changing for ${(opts.timeoutMs ?? DEFAULT_WAIT_MS) / 1000} s`);
      await this.page.waitForTimeout(250);
      const now = await signature();
      if (now !== last) {
        last = now;
        since = Date.now();
      }
    }
  }

  /** The compose box of the open conversation (in a channel: "Start a new post"). */
  composeBox(): Locator {
    return this.page.locator(COMPOSE_SELECTOR).first();
  }

  /**
   * Selects a conversation in the left rail: "Personal Chat", the group chat's name, or a channel's name
   * ("General", "IT review"; matched against "<team> - <channel>").
   */
  async openConversation(name: string, opts: { waitForInstall?: boolean } & WaitOptions = {}): Promise<void> {
    const timeout = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    const items = this.page.getByRole('treeitem');
    await this.guard('the conversation list', () => items.first().waitFor({ state: 'visible', timeout }));
    const labels = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    let i = labels.indexOf(name);
    if (i < 0) i = labels.findIndex((l) => l.endsWith(` - ${name}`));
    if (i < 0) throw new Error(`Playground: no conversation "${name}" in the left rail (there are: ${labels.join(', ')})`);
    const label = labels[i];
    const firstVisit = !this.visited.has(label);
    const installsBefore = await this.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { body: { innerText: string } } }).document;
      return (doc.body.innerText.match(/conversationUpdate \d{3}/g) ?? []).length;
    });
    await this.guard(`conversation "${name}"`, () => items.nth(i).click({ timeout }));
    await this.composeBox().waitFor({ state: 'visible', timeout });
    if (firstVisit && (opts.waitForInstall ?? true)) {
      // First visit since the page loaded: the Playground sends this chat's installationUpdate + conversationUpdate.
      await this.guard(`the install of "${name}"`, () =>
        this.page.waitForFunction(
          (n) => {
            const doc = (globalThis as unknown as { document: { body: { innerText: string } } }).document;
            return (doc.body.innerText.match(/conversationUpdate \d{3}/g) ?? []).length > n;
          },
          installsBefore,
          { timeout, polling: 250 },
        ),
      );
      await this.waitForIdle({ timeoutMs: timeout });
    }
    this.visited.add(label);
  }

  /**
   * Types text in the compose box and sends it with Enter. mentionBot: start with an @mention of the bot, which
   * group chats and channels need before the bot sees the message.
   */
  async sendText(text: string, opts: { mentionBot?: boolean } & WaitOptions = {}): Promise<void> {
    const box = this.composeBox();
    await this.guard('the compose box', () => box.click({ timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
    if (opts.mentionBot) {
      await this.page.keyboard.type(`@${this.botName.slice(0, 3)}`);
      await this.guard('the @mention picker', () =>
        this.page.getByRole('menuitem', { name: this.botName }).first().click({ timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }),
      );
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** All top-level Adaptive Cards in the open conversation, oldest first. */
  cards(): Locator {
    return this.page.locator(CARD_SELECTOR);
  }

  async cardCount(): Promise<number> {
    return this.cards().count();
  }

  /**
   * Waits until an Adaptive Card containing `text` is visible and returns the newest such card.
   * after: only cards at index >= after count (pass cardCount() taken before sending, to skip older cards).
   * A card refreshed in place by Action.Execute keeps its index.
   */
  async waitForCard(text: string, opts: { after?: number } & WaitOptions = {}): Promise<Locator> {
    const after = opts.after ?? 0;
    const handle = await this.guard(`a card containing "${text}"`, () =>
      this.page.waitForFunction(
        ({ selector, text, after }) => {
          // Runs in the browser; tsconfig has no DOM lib, hence the local type.
          type El = { innerText: string; offsetParent: unknown };
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<El> } }).document;
          const cards = Array.from(doc.querySelectorAll(selector));
          for (let i = cards.length - 1; i >= after; i--) {
            if (cards[i].innerText.includes(text) && cards[i].offsetParent !== null) return i + 1;
          }
          return 0;
        },
        { selector: CARD_SELECTOR, text, after },
        { timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS, polling: 250 },
      ),
    );
    const index = (await handle.jsonValue()) as number;
    const card = this.cards().nth(index - 1);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  /** Waits for any visible text in the page (a plain-text reply, a log line...). */
  async waitForText(text: string, opts: WaitOptions = {}): Promise<Locator> {
    const loc = this.page.getByText(text).last();
    await this.guard(`text "${text}"`, () => loc.waitFor({ state: 'visible', timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
    return loc;
  }

  /**
   * Clicks a card button (Action.Execute / Action.Submit / Action.ShowCard...) by its title. Without `card`, the
   * button in the newest card that has one with that title.
   */
  async clickCardButton(title: string, opts: { card?: Locator } & WaitOptions = {}): Promise<void> {
    const scope = opts.card ?? this.cards().filter({ has: this.page.locator(`button[title=${cssString(title)}]`) }).last();
    const button = scope.locator(`button[title=${cssString(title)}]`).first();
    await this.guard(`card button "${title}"`, () => button.click({ timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
  }

  /**
   * Opens every part of a card that is shown short on a phone (issue 19): a section or point whose whole text sits
   * behind a tap (a container with selectAction, `.ac-selectable`). Tapped at its top-left, away from Edit buttons.
   */
  async expandCard(card: Locator): Promise<void> {
    const parts = card.locator('.ac-container.ac-selectable');
    const n = await parts.count();
    for (let i = 0; i < n; i++) await this.guard('card section', () => parts.nth(i).click({ position: { x: 4, y: 4 }, timeout: DEFAULT_WAIT_MS }));
  }

  /** Fills a card input (Input.Text/Number/Date) found by its label or placeholder. */
  async fillCardInput(card: Locator, labelOrPlaceholder: string, value: string, opts: WaitOptions = {}): Promise<void> {
    const byLabel = card.getByLabel(labelOrPlaceholder, { exact: false });
    const input = (await byLabel.count()) ? byLabel.first() : card.getByPlaceholder(labelOrPlaceholder).first();
    await this.guard(`card input "${labelOrPlaceholder}"`, () => input.fill(value, { timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
  }

  /**
   * Chooses in an Input.ChoiceSet found by its label, as a person would: a radio button (style "expanded"), or an
   * option of a dropdown (style "compact": the Playground's Fluent UI renderer shows a combobox whose list pops up
   * outside the card). Several choices: a multi-select (isMultiSelect), each option clicked in turn.
   */
  async chooseCardOption(card: Locator, label: string, choice: string | readonly string[], opts: WaitOptions = {}): Promise<void> {
    const timeout = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    const choices = typeof choice === 'string' ? [choice] : [...choice];
    const radios = card.getByRole('radiogroup', { name: label });
    if (await radios.count()) {
      if (choices.length !== 1) throw new Error(`Playground: "${label}" is a set of radio buttons; choose one value`);
      await this.guard(`radio "${choices[0]}" of "${label}"`, () => radios.first().getByRole('radio', { name: choices[0], exact: true }).check({ timeout }));
      return;
    }
    const checkboxes = card.getByRole('group', { name: label });
    if (await checkboxes.count()) {
      // The renderer may show a multi-select as a list of checkboxes.
      for (const c of choices) await this.guard(`checkbox "${c}" of "${label}"`, () => checkboxes.first().getByRole('checkbox', { name: c, exact: true }).check({ timeout }));
      return;
    }
    const combo = card.getByRole('combobox', { name: label }).first();
    await this.guard(`dropdown "${label}"`, () => combo.click({ timeout }));
    // Lists of dropdowns opened before stay in the page, hidden: take the one this combobox controls.
    await this.guard(`the list of "${label}"`, () => combo.and(this.page.locator('[aria-expanded="true"]')).waitFor({ state: 'visible', timeout }));
    const listId = await combo.getAttribute('aria-controls');
    const list = listId ? this.page.locator(`[id=${cssString(listId)}]`) : this.page.locator('[role="listbox"]:visible, [role="menu"]:visible').last();
    await this.guard(`the list of "${label}"`, () => list.waitFor({ state: 'visible', timeout }));
    for (const c of choices) {
      // Single-select: role=listbox / option; multi-select: role=menu / menuitemcheckbox.
      const option = list.getByRole('option', { name: c, exact: true }).or(list.getByRole('menuitemcheckbox', { name: c, exact: true })).first();
      await this.guard(`option "${c}" of "${label}"`, () => option.click({ timeout }));
    }
    // A single-select list closes on its own; a multi-select one stays open until Escape.
    if (await list.isVisible()) await this.page.keyboard.press('Escape');
    await this.guard(`the list of "${label}" to close`, () => list.waitFor({ state: 'hidden', timeout }));
  }

  /** Turns an Input.Toggle (found by its title, the statement beside it) on or off. */
  async setCardToggle(card: Locator, title: string, on: boolean, opts: WaitOptions = {}): Promise<void> {
    const toggle = card.getByRole('checkbox', { name: title }).or(card.getByRole('switch', { name: title })).first();
    await this.guard(`toggle "${title}"`, () => toggle.setChecked(on, { timeout: opts.timeoutMs ?? DEFAULT_WAIT_MS }));
  }

  /** What a card input shows now (Input.Text, or the chosen title of a dropdown), found by its label. */
  async cardInputValue(card: Locator, label: string): Promise<string> {
    return card.getByLabel(label, { exact: false }).first().inputValue();
  }

  /**
   * Saves a screenshot of the viewport, or of one element such as a card (relative paths are under test/artifacts);
   * returns the absolute path. The Playground scrolls conversations inside the page, so an element taller than the
   * window would come out cut, under its header: the window is made tall enough for it, then restored.
   */
  /**
   * The channel as its members see it: the thread from its top (with the post's author line), in a window tall
   * enough for a long card; the window size is put back afterwards.
   */
  async screenshotThread(card: Locator, file: string): Promise<string> {
    const viewport = this.page.viewportSize()!;
    await this.page.setViewportSize({ width: viewport.width, height: 1600 });
    try {
      await card.evaluate((el) => {
        // Runs in the browser; tsconfig has no DOM lib, hence the local types.
        type Node = { parentElement: Node | null; scrollHeight: number; clientHeight: number; scrollBy(x: number, y: number): void; scrollIntoView(o: object): void };
        const top = el as unknown as Node;
        const style = (n: Node) => (globalThis as unknown as { getComputedStyle(n: Node): { overflowY: string } }).getComputedStyle(n).overflowY;
        top.scrollIntoView({ block: 'start' });
        let p = top.parentElement;
        while (p && !(p.scrollHeight > p.clientHeight && /auto|scroll/.test(style(p)))) p = p.parentElement;
        p?.scrollBy(0, -90);
      });
      return await this.screenshot(file);
    } finally {
      await this.page.setViewportSize(viewport);
    }
  }

  async screenshot(file: string, opts: { fullPage?: boolean; element?: Locator } = {}): Promise<string> {
    const target = path.isAbsolute(file) ? file : path.join(ARTIFACTS_DIR, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (opts.element) {
      const viewport = this.page.viewportSize();
      const box = await opts.element.boundingBox();
      const needed = box ? Math.ceil(box.height) + 400 : 0;
      const grow = viewport && needed > viewport.height;
      if (grow) await this.page.setViewportSize({ width: viewport.width, height: needed });
      try {
        await opts.element.scrollIntoViewIfNeeded();
        await opts.element.screenshot({ path: target });
      } finally {
        if (grow) await this.page.setViewportSize(viewport);
      }
    } else await this.page.screenshot({ path: target, fullPage: opts.fullPage ?? false });
    return target;
  }

  /** Runs a wait; on failure saves test/artifacts/playground-failure-<time>.png and names it in the error. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      let shot = '';
      try {
        shot = await this.screenshot(`playground-failure-${Date.now()}.png`);
      } catch {
        /* the page may be gone */
      }
      const e = err instanceof Error ? err : new Error(String(err));
      e.message = `Playground: waiting for ${what} failed: ${e.message}${shot ? `\n(screenshot: ${shot})` : ''}`;
      throw e;
    }
  }
}

/** The Playground's HTTP API for "Mock an Activity": a template for a conversation, then send any activity verbatim. */
export async function customActivityTemplate(playgroundUrl: string, conversationId: string, type?: string): Promise<Record<string, unknown>> {
  const q = new URLSearchParams({ conversationId, ...(type ? { type } : {}) });
  const res = await fetch(`${playgroundUrl}/_internal/v1/customActivities/template?${q}`);
  if (!res.ok) throw new Error(`custom activity template: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function sendCustomActivity(playgroundUrl: string, activity: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${playgroundUrl}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (!res.ok) throw new Error(`custom activity: HTTP ${res.status} ${await res.text()}`);
}

function cssString(s: string): string {
  return JSON.stringify(s);
}

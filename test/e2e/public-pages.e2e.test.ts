/**
 * Browser e2e (issue 12): every public page in Debian's chromium at phone width (360 CSS px). axe-core finds no
 * WCAG 2.1 A/AA violation; a keyboard-only pass reaches every link with a visible focus ring; a screenshot of each
 * page is saved under test/artifacts/public/ to look at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Harness } from '../harness/bot-harness';
import { seedPost, seedPublicPresence } from '../harness/public-seed';
import { ARTIFACTS_DIR, launchBrowser, type BrowserSession } from './playground-driver';

jest.setTimeout(180_000);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HOUR = 3_600_000;

describe('Public pages in Chromium: accessible, keyboard-usable, readable on a phone', () => {
  let h: Harness;
  let browser: BrowserSession;
  const pages: Array<[string, string]> = [];

  beforeAll(async () => {
    h = await Harness.start();
    const db = h.bot.db;
    const parks = await seedPublicPresence(db, { handle: '@MadisonParks', departmentId: 'parks' });
    await seedPublicPresence(db, { handle: '@MadisonLibrary', departmentId: 'library' });
    await seedPublicPresence(db, { handle: '@OldStreetsAccount<script>', departmentId: 'streets', state: 'retired' });
    const edited = await seedPost(db, parks, [
      { text: 'Goodman Pool opens Saturday at noon.', status: 'approved', decidedAt: new Date(Date.now() - 30 * HOUR) },
      { text: 'Goodman Pool opens Saturday at 1 pm & swim lessons start Monday. <script>alert(1)</script>\nSign up at the link below.', status: 'approved', decidedAt: new Date(Date.now() - 2 * HOUR), links: 'https://www.cityofmadison.com/parks/swim' },
    ]);
    pages.push(['registry', 'registry'], ['presence', `presences/${parks}`], ['post-current', `posts/${edited}/v/2`], ['post-earlier', `posts/${edited}/v/1`]);
    browser = await launchBrowser({ viewport: { width: 360, height: 640 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('every public page: zero axe-core violations (WCAG 2.1 AA), no sideways scrolling at 360 px, a screenshot', async () => {
    const page = browser.page;
    for (const [name, rel] of pages) {
      const res = await page.goto(`${h.bot.url}/public/${rel}`);
      expect([name, res?.status()]).toEqual([name, 200]);
      // The CSP allows no script on the page; the test's own script runs through the DevTools protocol instead.
      await page.evaluate(AXE);
      const result: any = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`);
      const violations = result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      expect([name, violations]).toEqual([name, []]);
      expect([name, result.passes.length > 10]).toEqual([name, true]);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect([name, overflow]).toEqual([name, 0]);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'public', `${name}.png`), fullPage: true });
    }
  });

  it('keyboard only: Tab reaches every link in order, each with a visible focus outline', async () => {
    const page = browser.page;
    for (const [name, rel] of pages) {
      await page.goto(`${h.bot.url}/public/${rel}`);
      const links = (await page.evaluate(`[...document.querySelectorAll('a[href]')].map((a) => a.href)`)) as string[];
      const reached: string[] = [];
      for (let i = 0; i < links.length; i++) {
        await page.keyboard.press('Tab');
        const focus = (await page.evaluate(`(() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return { href: el.href ?? '', outline: s.outlineStyle + ' ' + s.outlineWidth, size: r.width * r.height };
        })()`)) as { href: string; outline: string; size: number };
        expect([name, focus.href, focus.outline]).toEqual([name, focus.href, expect.stringMatching(/^solid [1-9]/)]);
        expect([name, focus.href, focus.size > 0]).toEqual([name, focus.href, true]);
        reached.push(focus.href);
      }
      expect([name, reached]).toEqual([name, links]);
    }
    // The skip link comes first and takes the reader to the content.
    await page.goto(`${h.bot.url}/public/registry`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'public', 'registry-skip-link-focus.png') });
  });

  it('prints: navigation hidden, addresses of links shown', async () => {
    const page = browser.page;
    await page.goto(`${h.bot.url}/public/${pages[1][1]}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    const after = await page.evaluate(`getComputedStyle(document.querySelector('main a[href^="http"]'), '::after').content`);
    expect(after).toContain('https://');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'public', 'presence-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

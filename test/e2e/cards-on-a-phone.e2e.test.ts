/**
 * Issue 19, CARDS.md "On a phone": every card kind the bot sends, with ordinary answers and with every field at its
 * maximum length, rendered by Microsoft's Adaptive Cards library with the Teams light and dark host configs in
 * chromium at 360 px. Fails on a cut title, text, toggle or choice, a dropped action, contrast under 4.5:1, a
 * decision button below the second screen, or (ordinary answers) a card taller than three screens. Screenshots of
 * every card kind go to test/artifacts/cards/ for a person to look through.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Harness } from '../harness/bot-harness';
import { CardRenderer, type Problem, type Theme } from '../render/card-renderer';
import { collectCards, type Variant } from '../render/card-journeys';
import { badPhoneCard } from '../render/bad-card';

const ARTIFACTS = path.join(__dirname, '..', 'artifacts', 'cards');
const MAX_SCREENS_ORDINARY = 3;

jest.setTimeout(600_000);

describe('every card works on a phone at 360 px (issue 19)', () => {
  let renderer: CardRenderer;
  const tallest: Record<string, { title: string; screens: number }> = {};
  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    renderer = await CardRenderer.start();
  });
  afterAll(async () => {
    await renderer?.close();
    writeFileSync(path.join(ARTIFACTS, 'tallest.json'), JSON.stringify(tallest, null, 2));
  });

  it('the checks catch what a phone cuts, drops, hides or greys out', async () => {
    const { problems, screens } = await renderer.render(badPhoneCard(), 'light');
    const kinds = new Set(problems.map((p) => p.kind));
    for (const k of ['cut text', 'cut button title', 'cut toggle or choice', 'low contrast', 'dropped actions', 'decision out of reach'] as const) expect(kinds).toContain(k);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'low contrast', text: 'Active' }));
    // What shows only after a tap, and the options of a dropdown, are measured too.
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'cut toggle or choice', text: expect.stringContaining('Parks Division, Forestry'), detail: expect.stringContaining('dropdown option') }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'cut text', text: expect.stringContaining('Shown only after a tap'), detail: 'after a tap' }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'cut text', text: expect.stringContaining('A confirmation without wrap'), detail: 'after a tap' }));
    expect(screens).toBeGreaterThan(MAX_SCREENS_ORDINARY);
  });

  for (const variant of ['ordinary', 'maximum'] as Variant[]) {
    it(`every card kind reads and works at 360 px with ${variant} answers, in light and dark`, async () => {
      const h = await Harness.start({ admins: ['Morgan Lee'] });
      let set;
      try {
        set = await collectCards(h, variant);
      } finally {
        await h.stop();
      }
      const found: string[] = [];
      let top = { title: '', screens: 0 };
      for (const c of set.cards.values()) {
        for (const theme of ['light', 'dark'] as Theme[]) {
          const shot = theme === 'light' ? path.join(ARTIFACTS, `${variant}-${c.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}-${c.kind}.png`) : undefined;
          const r = await renderer.render(c.card, theme, shot);
          const problems: Problem[] = [...r.problems];
          if (variant === 'ordinary' && r.screens > MAX_SCREENS_ORDINARY) problems.push({ kind: 'too tall', text: `taller than ${MAX_SCREENS_ORDINARY} screens`, detail: r.screens.toFixed(1) });
          if (theme === 'light' && r.screens > top.screens) top = { title: c.title, screens: Number(r.screens.toFixed(2)) };
          for (const p of problems) found.push(`[${theme}] "${c.title}" (${c.kind}): ${p.kind}: ${p.text}${p.detail ? ` (${p.detail})` : ''}`);
        }
      }
      tallest[variant] = top;
      writeFileSync(path.join(ARTIFACTS, `problems-${variant}.txt`), found.join('\n'));
      // eslint-disable-next-line no-console
      console.log(`${variant}: ${set.cards.size} card kinds; tallest "${top.title}" at ${top.screens} screens`);
      expect(set.cards.size).toBeGreaterThan(30);
      expect(found).toEqual([]);
    });
  }
});

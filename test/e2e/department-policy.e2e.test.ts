/**
 * Browser e2e: "File our policy" (POL-1) as Dana Reyes (Parks Division head), end to end in the Agents Playground with
 * the real bot and Debian chromium. Dana types "file our policy" in the personal chat, writes the twelve points on the
 * seven step cards through the UI (two text areas per card; the personal-use rule, radio buttons and a text area, on
 * the last), goes once through a point refused as too thin on step 5, files from the summary, and the policy card
 * appears in the Playground's "Mayor's Office" channel, which the Playground launcher binds for the demo
 * (scripts/playground/seed-demo.ts).
 *
 * Screenshots (test/artifacts): policy-step-1..7.png, policy-step-error.png, policy-summary.png, policy-filed.png,
 * policy-mayors-card.png and policy-mayors-channel.png (the channel as the Mayor's Office sees it).
 * Assertions are about what a person sees on the cards, not about the database.
 */
import type { Locator } from 'playwright-core';
import { PERSONAL_USE_RULES, POLICY_POINTS, POLICY_STEPS } from '../../src/domain/policy-points';
import { fullPolicy } from '../harness/policy-flow';
import { PlaygroundPage } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

jest.setTimeout(300_000);

/** test/harness/policy-flow.ts fullPolicy(): "Parks: <the example>" per point, and limited personal use. */
const POLICY = fullPolicy();
const PERSONAL_USE = PERSONAL_USE_RULES.limited; // "More restrictive: limited personal use, as described"
const PERSONAL_USE_LABEL = 'On-duty personal use of social media';
const PERSONAL_USE_DETAIL_LABEL = 'If you chose limited use: what is allowed';

/** The step whose point is first answered too thinly, and the answer. */
const THIN_STEP = 5;
const THIN_POINT = POLICY_POINTS.find((p) => p.id === 'p9')!;
const THIN_ANSWER = 'Yes.';

/**
 * A point's text area is found by
 * what a person sees in the empty box: its example, "e.g. ...".
 */
const examplePlaceholder = (id: string) => `e.g. ${POLICY_POINTS.find((p) => p.id === id)!.example}`;

/** A point's heading as the cards write it. */
const pointHeading = (p: { n: number; title: string }) => `Point ${p.n} · ${p.title}`;

describe('Agents Playground: file a department social media policy', () => {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'dana', channel: 'mayors-office' });
  });
  afterAll(() => session?.close());

  it("writes the twelve points on seven cards, files, and the policy appears in the Mayor's Office channel", async () => {
    const ui = await PlaygroundPage.open(session!.browser.page, session!.playground.url, { timeoutMs: 120_000 });
    const before = await ui.cardCount();
    const text = (card: Locator) => card.innerText();
    const shot = (file: string, card: Locator) => ui.screenshot(file, { element: card });
    const pointBox = (card: Locator, id: string) => card.getByPlaceholder(examplePlaceholder(id), { exact: true });

    await ui.sendText('file our policy');
    let card = await ui.waitForCard('Step 1 of 7', { after: before });

    for (let step = 1; step <= POLICY_STEPS.length; step++) {
      card = await ui.waitForCard(`Step ${step} of 7`, { after: before });
      const shown = await text(card);
      expect(shown).toContain('Social media policy: Parks Division');
      expect(shown).not.toContain('needs fixing');
      const last = step === POLICY_STEPS.length;

      if (!last) {
        const [a, b] = POLICY_STEPS[step - 1];
        const [pa, pb] = [a, b].map((id) => POLICY_POINTS.find((p) => p.id === id)!);
        expect(shown).toContain(`Step ${step} of 7 · Points ${pa.n} and ${pb.n} of 12`);
        expect(shown).toContain(pointHeading(pa));
        expect(shown).toContain(pointHeading(pb));
        if (step === 1) {
          // Point 2 is filled in from Social Steward's records: Dana heads Parks, so she is its approving authority.
          expect(shown).toContain("From Social Steward's records");
          expect(shown).toMatch(/Approving authority\s+Dana Reyes/);
        }

        if (step === THIN_STEP) {
          // First a one-word answer to point 9: the server refuses it, beside the field, and keeps what was typed.
          await ui.fillCardInput(card, examplePlaceholder(a), THIN_ANSWER);
          await ui.fillCardInput(card, examplePlaceholder(b), POLICY[b]);
          await ui.clickCardButton('Next', { card });
          card = await ui.waitForCard('is too thin', { after: before });
          const refused = await text(card);
          expect(refused).toContain(`Step ${step} of 7`);
          expect(refused).toContain('One answer needs fixing: see the note under the field.');
          const message = `Point ${THIN_POINT.n} (${THIN_POINT.title}) is too thin`;
          // Beside the field: after point 9's heading and its box's label, before point 10.
          const head = refused.indexOf(pointHeading(pa));
          const label = refused.indexOf("your department's policy", head);
          const at = refused.indexOf(message);
          const next = refused.indexOf(pointHeading(pb));
          expect(head).toBeGreaterThanOrEqual(0);
          expect(label).toBeGreaterThan(head);
          expect(at).toBeGreaterThan(label);
          expect(next).toBeGreaterThan(at);
          // Everything typed is still there.
          expect(await pointBox(card, a).inputValue()).toBe(THIN_ANSWER);
          expect(await pointBox(card, b).inputValue()).toBe(POLICY[b]);
          await shot('policy-step-error.png', card);
        }

        await ui.fillCardInput(card, examplePlaceholder(a), POLICY[a]);
        await ui.fillCardInput(card, examplePlaceholder(b), POLICY[b]);
        expect(await pointBox(card, a).inputValue()).toBe(POLICY[a]);
        expect(await pointBox(card, b).inputValue()).toBe(POLICY[b]);
        await shot(`policy-step-${step}.png`, card);
        await ui.clickCardButton('Next', { card });
      } else {
        // Step 7 · Personal use: radio buttons, then what limited use allows; its button leads to the summary.
        expect(shown).toContain(`Step ${step} of 7 · Personal use`);
        await ui.chooseCardOption(card, PERSONAL_USE_LABEL, PERSONAL_USE);
        await ui.fillCardInput(card, PERSONAL_USE_DETAIL_LABEL, POLICY.personalUseDetail!);
        expect(await ui.cardInputValue(card, PERSONAL_USE_DETAIL_LABEL)).toBe(POLICY.personalUseDetail);
        await shot(`policy-step-${step}.png`, card);
        await ui.clickCardButton('Check answers', { card });
      }
    }

    // The summary: the whole policy as Dana will file it, an Edit button per point, then File.
    card = await ui.waitForCard("Read it through, then file it with the Mayor's Office", { after: before });
    // Issue 19: one line per point on a phone; tapping a point shows it whole.
    await ui.expandCard(card);
    const summary = await text(card);
    for (const p of POLICY_POINTS) {
      expect(summary).toContain(pointHeading(p));
      expect(summary).toContain(POLICY[p.id]);
    }
    expect(summary).toContain(`Limited personal use: ${POLICY.personalUseDetail}`);
    expect(summary).not.toContain('Not answered yet');
    expect(await card.locator('button[title="Edit"]').count()).toBe(13);
    await shot('policy-summary.png', card);
    await ui.clickCardButton("File with the Mayor's Office", { card });

    // Filed: the card is replaced by a short one (issue 10) that says what happened and what comes next.
    card = await ui.waitForCard("Filed version 1 with the Mayor's Office", { after: before });
    expect(await text(card)).toContain("The Mayor's Office acknowledges it or returns it with comments");
    expect(await card.locator('button[title="See policy"]').count()).toBe(1);
    expect(await card.locator('button[title="Edit"]').count()).toBe(0);
    expect(await card.locator(`button[title="File with the Mayor's Office"]`).count()).toBe(0);
    await shot('policy-filed.png', card);

    // The Mayor's Office channel: the card the bot posted as a new thread through the Playground's connector.
    await ui.openConversation("Mayor's Office", { timeoutMs: 120_000 });
    const mayorsCard = await ui.waitForCard('Parks Division social media policy, version 1', { timeoutMs: 120_000 });
    await ui.expandCard(mayorsCard);
    const mayors = await text(mayorsCard);
    for (const shown of ["Filed: waiting for the Mayor's Office", 'Filed by', 'Dana Reyes', 'Filed on', pointHeading(POLICY_POINTS[0]), pointHeading(POLICY_POINTS[11]), POLICY.p12, 'Limited personal use']) {
      expect(mayors).toContain(shown);
    }
    expect(await mayorsCard.locator('button[title="Acknowledge"]').count()).toBe(1);
    expect(await mayorsCard.locator('button[title="Return with comments"]').count()).toBe(1);
    expect(await mayorsCard.locator('button[title="Edit"]').count()).toBe(0);
    await shot('policy-mayors-card.png', mayorsCard);
    await ui.screenshotThread(mayorsCard, 'policy-mayors-channel.png');
  });
});

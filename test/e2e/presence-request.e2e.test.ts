/**
 * Browser e2e: "Request a presence" as Pat Parker (Parks), end to end in the Agents Playground with the real bot and
 * Debian chromium. Pat types "request a presence" in the personal chat, fills the five step cards through the UI
 * (dropdowns, radio buttons, a multi-select, toggles, text), goes once through a refused value on step 2, submits
 * from the summary, and the card says it went to the approving authority the request names (REQ-6, ADR 0011).
 *
 * Screenshots (test/artifacts): request-step-1..5.png, request-step-2-error.png, request-summary.png,
 * request-submitted.png.
 * Assertions are about what a person sees on the cards, not about the database.
 */
import type { Locator } from 'playwright-core';
import { PlaygroundPage } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

jest.setTimeout(300_000);

/** The answers of test/harness/presence-flow.ts parksAnswers, as a person picks and types them. */
const PARKS = {
  department: 'Parks Division',
  platform: 'Instagram',
  handle: '@MadisonParks',
  use: 'Marketing to a demographic that favours this platform',
  purpose: 'Share park events, closures and volunteer days with families.',
  benefits: 'Reaches families who follow Instagram more than the website.',
  cityWebPage: 'https://www.cityofmadison.com/parks',
  staffName: 'Pat Parker',
  staffTitle: 'Community Outreach Coordinator',
  staffContact: 'pparker@cityofmadison.com',
  approver: 'Dana Reyes',
  spokespersons: ['Pat Parker'],
  dataLocation: 'Parks shared drive, monthly export',
  attestCityAccount: "The account will be registered to a City email address, not to anyone's personal account.",
  attestNotice: "The account will show the City's notice to users with the Terms of Use, Social Media Guidelines and Comments Policy.",
};

const NOT_A_CITY_PAGE = 'https://www.madisonparksfoundation.org/events';

describe('Agents Playground: request a presence', () => {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'pat', channel: 'it-review' });
  });
  afterAll(() => session?.close());

  it('walks the five steps and submits; the request goes to the approving authority first (REQ-6)', async () => {
    const ui = await PlaygroundPage.open(session!.browser.page, session!.playground.url, { timeoutMs: 120_000 });
    const before = await ui.cardCount();
    const text = (card: Locator) => card.innerText();
    const shot = (file: string, card: Locator) => ui.screenshot(file, { element: card });

    // Step 1 · Account: two dropdowns, a text box, radio buttons.
    await ui.sendText('request a presence');
    let card = await ui.waitForCard('Step 1 of 5', { after: before });
    expect(await text(card)).toContain('Request a social media presence');
    await ui.chooseCardOption(card, 'Department or division', PARKS.department);
    await ui.chooseCardOption(card, 'Platform', PARKS.platform);
    await ui.fillCardInput(card, 'Account name or handle', PARKS.handle);
    await ui.chooseCardOption(card, 'Which use does it serve?', PARKS.use);
    expect(await ui.cardInputValue(card, 'Department or division')).toBe(PARKS.department);
    await shot('request-step-1.png', card);
    await ui.clickCardButton('Next', { card });

    // Step 2 · Purpose, first with a page that is not on the City's website: the server refuses it.
    card = await ui.waitForCard('Step 2 of 5', { after: before });
    await ui.fillCardInput(card, 'Purpose', PARKS.purpose);
    await ui.fillCardInput(card, 'Benefits to the public and the City', PARKS.benefits);
    await ui.fillCardInput(card, 'City web page it will link to', NOT_A_CITY_PAGE);
    await ui.clickCardButton('Next', { card });
    card = await ui.waitForCard('Use a page on cityofmadison.com', { after: before });
    const refused = await text(card);
    expect(refused).toContain('Step 2 of 5');
    expect(refused).toContain('One answer needs fixing: see the note under the field.');
    // Beside the field: after its label, before its "Why we ask" line.
    const label = refused.indexOf('City web page it will link to');
    const message = refused.indexOf('Use a page on cityofmadison.com');
    const why = refused.indexOf("Why we ask: The City's website stays the main presence");
    expect(label).toBeGreaterThanOrEqual(0);
    expect(message).toBeGreaterThan(label);
    expect(why).toBeGreaterThan(message);
    // Everything typed is still there.
    expect(await ui.cardInputValue(card, 'Purpose')).toBe(PARKS.purpose);
    expect(await ui.cardInputValue(card, 'Benefits to the public and the City')).toBe(PARKS.benefits);
    expect(await ui.cardInputValue(card, 'City web page it will link to')).toBe(NOT_A_CITY_PAGE);
    await shot('request-step-2-error.png', card);
    await ui.fillCardInput(card, 'City web page it will link to', PARKS.cityWebPage);
    await shot('request-step-2.png', card);
    await ui.clickCardButton('Next', { card });

    // Step 3 · People: text boxes, a dropdown of people, a multi-select of people.
    card = await ui.waitForCard('Step 3 of 5', { after: before });
    expect(await text(card)).not.toContain('needs fixing');
    await ui.fillCardInput(card, 'Responsible staff member', PARKS.staffName);
    await ui.fillCardInput(card, 'Their title', PARKS.staffTitle);
    await ui.fillCardInput(card, 'Their email or phone', PARKS.staffContact);
    await ui.chooseCardOption(card, 'Approving authority', PARKS.approver);
    await ui.chooseCardOption(card, 'Spokespersons (one or more)', PARKS.spokespersons);
    await shot('request-step-3.png', card);
    await ui.clickCardButton('Next', { card });

    // Step 4 · Records and messages: the platform has direct messages, and they will be turned off.
    card = await ui.waitForCard('Step 4 of 5', { after: before });
    await ui.fillCardInput(card, 'Where the content and data will be kept', PARKS.dataLocation);
    await ui.chooseCardOption(card, 'Does the platform have direct messages or chat?', 'Yes');
    await ui.chooseCardOption(card, 'If yes: what will you do with them?', 'Turn them off');
    await shot('request-step-4.png', card);
    await ui.clickCardButton('Next', { card });

    // Step 5 · Commitments: both statements switched on; the last step's button leads to the summary.
    card = await ui.waitForCard('Step 5 of 5', { after: before });
    await ui.setCardToggle(card, PARKS.attestCityAccount, true);
    await ui.setCardToggle(card, PARKS.attestNotice, true);
    await shot('request-step-5.png', card);
    await ui.clickCardButton('Check answers', { card });

    // The summary: every answer, each section with its Edit button, then "Submit for review".
    card = await ui.waitForCard('Check your answers, then submit for review.', { after: before });
    // Issue 19: long answers show their start on a phone; tapping a section shows it whole, links by a short label.
    await ui.expandCard(card);
    const summary = await text(card);
    expect(await card.locator(`a[href=${JSON.stringify(PARKS.cityWebPage)}]`).count()).toBeGreaterThan(0);
    for (const shown of [
      PARKS.department,
      PARKS.platform,
      PARKS.handle,
      PARKS.use,
      PARKS.purpose,
      PARKS.benefits,
      PARKS.cityWebPage.replace('https://www.', ''),
      `${PARKS.staffName}, ${PARKS.staffTitle}`,
      PARKS.staffContact,
      PARKS.approver,
      PARKS.dataLocation,
      'Has direct messages: they will be turned off',
    ]) {
      expect(summary).toContain(shown);
    }
    expect(summary).not.toContain('Not answered yet');
    expect(await card.locator('button[title="Edit"]').count()).toBe(5);
    await shot('request-summary.png', card);
    await ui.clickCardButton('Submit for review', { card });

    // Submitted: the card is replaced by a short one (issue 10): what happened, what comes next, the details a click away.
    card = await ui.waitForCard(`Sent ${PARKS.handle} to your approving authority`, { after: before });
    expect(await text(card)).toContain('Your approving authority approves it first, then IT');
    expect(await card.locator('button[title="Edit"]').count()).toBe(0);
    expect(await card.locator('button[title="Submit for review"]').count()).toBe(0);
    expect(await card.locator('button[title="See request"]').count()).toBe(1);
    await shot('request-submitted.png', card);

    // REQ-6: the request now waits for Dana, the approving authority it names, in her own chat; the Playground shows
    // only the current user's chat, so her decision and the IT card that follows are covered by
    // test/integration/approving-authority.test.ts and presence-review.test.ts through the real HTTP endpoint.
  });
});

/**
 * Browser e2e: public records (REC-2) as Morgan Lee (admin) in the Agents Playground. Types "records", searches
 * Parks, then asks for the export; saves records-search.png and records-export.png (test/artifacts) so the cards
 * can be looked at as a person sees them.
 */
import { PlaygroundPage } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

jest.setTimeout(180_000);

describe('Agents Playground: public records', () => {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'morgan' });
  });
  afterAll(() => session?.close());

  it('searches the records and offers a single-use download link', async () => {
    const ui = await PlaygroundPage.open(session!.browser.page, session!.playground.url);
    const before = await ui.cardCount();
    await ui.sendText('records');
    const form = await ui.waitForCard('Public records', { after: before });
    await ui.chooseCardOption(form, 'Department', 'Parks Division');
    await ui.clickCardButton('Search', { card: form });
    const results = await ui.waitForCard('records match', { after: before });
    // The Playground's demo set-up (roles granted, a channel bound) is on record.
    expect(await results.innerText()).toContain('Audit events (who did what, in order)');
    await ui.screenshot('records-search.png', { element: results });
    await ui.clickCardButton('Export as ZIP', { card: results });
    const ready = await ui.waitForCard('Your records export is ready', { after: before });
    expect(await ready.innerText()).toContain('works once');
    await ui.screenshot('records-export.png', { element: ready });
  });
});

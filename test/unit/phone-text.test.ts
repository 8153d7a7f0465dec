import { phoneSafe, preview } from '../../cards/common/phone-text';
import { bullets, card, facts, status, text } from '../../cards/common/elements';

describe('cards on a phone (issue 19): text that fits 360 px', () => {
  it('previews a long answer at a word, and leaves a short one and a link whole', () => {
    expect(preview('Share park events, closures and volunteer days with families.', 30)).toBe('Share park events, closures...');
    expect(preview('Short answer.', 30)).toBe('Short answer.');
    const url = 'https://www.cityofmadison.com/parks/volunteer-days-and-closures';
    expect(preview(url, 30)).toBe(url);
  });

  it('gives a long fact value wrap points and shows a long link short, with the whole address as its target', () => {
    const url = 'https://www.cityofmadison.com/parks/volunteer-days-and-closures';
    expect(phoneSafe(url)).toBe(`[cityofmadison.com/parks/vo...](${url})`);
    expect(phoneSafe('@MadisonParksAndForestryVolunteers').replace(/\u200b/g, '')).toBe('@MadisonParksAndForestryVolunteers');
    expect(phoneSafe('@MadisonParksAndForestryVolunteers')).toContain('\u200b');
    expect(phoneSafe('pparker@cityofmadison.com')).toBe('pparker@cityofmadison.com');
  });

  it('never colours text good, warning or attention; the words carry the meaning', () => {
    for (const c of ['good', 'warning', 'attention'] as const) {
      expect(status('Active', c)).toMatchObject({ color: 'default', weight: 'Bolder', wrap: true });
      expect(text('Draft saved', { color: c })).toMatchObject({ color: 'default', weight: 'Bolder' });
    }
    expect(facts([['Owner', 'Pat Parker']])).toMatchObject({ facts: [{ title: 'Owner', value: 'Pat Parker' }] });
    expect(bullets(['one', 'two'])).toMatchObject({ type: 'Container', items: [{ text: '• one', wrap: true }, { text: '• two' }] });
  });

  it('keeps at most three buttons side by side, fewer when their titles would not fit 360 px, and sends the rest to "..."', () => {
    const go = (title: string) => ({ type: 'Action.Execute' as const, title, verb: 'help.show' });
    const modes = (titles: string[]) => card([], titles.map(go)).actions?.map((a) => a.mode ?? 'primary');
    expect(modes(['Approve', 'Return', 'Open', 'Retire'])).toEqual(['primary', 'primary', 'primary', 'secondary']);
    expect(modes(['Save draft', 'Back', 'Check answers'])).toEqual(['primary', 'primary', 'primary']);
    // Measured cut at 360 px by the phone harness: "Set up · Edit details · Request a change · ..." (issue 19).
    expect(modes(['Set up', 'Edit details', 'Request a change', 'Registry'])).toEqual(['primary', 'primary', 'secondary', 'secondary']);
    expect(modes(['Next review', 'See the request', 'Back to reviews'])).toEqual(['primary', 'primary', 'secondary']);
  });
});

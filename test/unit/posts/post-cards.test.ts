import { COMPOSE_LIMITS, composeTooBig } from '../../../src/domain/posts/compose-form';
import { textLimitHint } from '../../../src/domain/posts/platform-limits';
import type { FindingView, PostApprovalView, PostView } from '../../../src/services/posts/post-views';
import { postCard } from '../../../cards/posts/post-card';
import { postApprovalCard } from '../../../cards/posts/approval-card';

/** CARDS.md: under 24 KB whatever a person typed, at most 3 buttons at the end, wrap on every TextBlock. */
const MAX_CARD_BYTES = 24_000;

// The most a card can carry: 8,000 bytes of text, links and images (3-byte characters), and many long findings.
const text = '公'.repeat(1_540);
const values = {
  text,
  links: `https://www.cityofmadison.com/${'p'.repeat(960)}`,
  image1Url: `https://www.cityofmadison.com/${'a'.repeat(460)}.jpg`, image1Alt: '図'.repeat(90),
  image2Url: `https://www.cityofmadison.com/${'b'.repeat(460)}.jpg`, image2Alt: '図'.repeat(90),
  image3Url: `https://www.cityofmadison.com/${'c'.repeat(460)}.jpg`, image3Alt: '図'.repeat(90),
  publishDate: '2026-12-10', publishTime: '09:00', emergency: 'no',
};
const findings: FindingView[] = Array.from({ length: 60 }, (_, index) => ({ index, code: 'hashtag-case', rule: 'A11Y', severity: (['blocking', 'flag', 'warning'] as const)[index % 3], message: '語'.repeat(1_000), fixLabel: 'Write it as #ParksAndRec' }));
const content = { text, links: [values.links], images: [1, 2, 3].map((i) => ({ url: values[`image${i}Url` as 'image1Url'], alt: values[`image${i}Alt` as 'image1Alt'] })), emergency: false, publishAt: 'Thu, Dec 10, 2026, 9:00 AM' };
const rounds = Array.from({ length: 20 }, (_, i) => ({ round: i + 1, outcome: 'returned', by: 'Dana Reyes', at: 'Thu, Dec 10, 2026, 9:00 AM', reason: 'r'.repeat(1_000) }));

const view = (editable: boolean): PostView => ({ postId: '00000000-0000-4000-8000-000000000000', version: 12, handle: '@'.padEnd(100, 'h'), platformLabel: 'Instagram', textLimit: textLimitHint('facebook', 5_000), status: 'returned', statusLabel: 'Returned for changes', statusColor: 'attention', editable, values, content, findings, errors: { text: 'x'.repeat(300) }, actions: ['submit', 'edit', 'publish'], rounds, notice: { text: 'Fixed and checked again.', color: 'default' } });
const approval: PostApprovalView = { roundId: '00000000-0000-4000-8000-000000000001', round: 20, handle: '@MadisonParks', platformLabel: 'Instagram', departmentName: 'Parks Division', drafterName: 'Pat Parker', approverName: 'D'.repeat(200), submittedAt: 'Thu, Dec 10, 2026, 9:00 AM', content, findings, flags: 20, earlier: rounds, reasonError: 'Say why' };

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));
const textBlocks = (n: any): any[] => (!n || typeof n !== 'object' ? [] : Array.isArray(n) ? n.flatMap(textBlocks) : [...(n.type === 'TextBlock' ? [n] : []), ...Object.values(n).flatMap(textBlocks)]);

describe('post cards at their largest', () => {
  it('the sample is the most the compose card accepts', () => expect(composeTooBig(values)).toBeUndefined());

  it.each([
    ['compose', () => postCard(view(true))],
    ['post as it stands', () => postCard(view(false))],
    ['approval', () => postApprovalCard(approval)],
    ['approved', () => postApprovalCard({ ...approval, decided: { outcome: 'approved', by: 'Dana Reyes', at: 'now', reason: 'x'.repeat(1_000) } })],
  ])('the %s card stays under 24 KB, with at most 3 buttons at its end and wrapped text', (_name, render) => {
    const card = render();
    expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect((card.actions ?? []).filter((a: any) => a.mode !== 'secondary').length).toBeLessThanOrEqual(3);
    expect(textBlocks(card).filter((b) => b.wrap !== true)).toEqual([]);
  });

  it('POST-6: the approval card says who decides, and that a department head can approve too', () => {
    const words = JSON.stringify(postApprovalCard({ ...approval, approverName: 'Dana Reyes' }));
    expect(words).toContain('Dana Reyes decides as approving authority. You can approve as department head of Parks Division, unless you drafted it.');
  });

  it('the compose card shows text, links and the emergency question; images and publish time are one tap away, and open when they hold something', () => {
    /** Input ids in sight: not inside a container hidden until "Images and publish time" is tapped. */
    const inSight = (n: any, hidden = false): Array<{ id: string; hidden: boolean }> => {
      if (!n || typeof n !== 'object') return [];
      if (Array.isArray(n)) return n.flatMap((x) => inSight(x, hidden));
      const h = hidden || n.isVisible === false;
      return [...(typeof n.type === 'string' && n.type.startsWith('Input.') ? [{ id: n.id, hidden: h }] : []), ...Object.entries(n).filter(([k]) => k !== 'actions').flatMap(([, v]) => inSight(v, h))];
    };
    const empty = postCard({ ...view(true), values: { text: 'Hello' }, errors: undefined });
    const inputs = inSight(empty.body);
    expect(inputs.filter((i) => !i.hidden).map((i) => i.id)).toEqual(['text', 'links', 'emergency']);
    expect(inputs.filter((i) => i.hidden).map((i) => i.id)).toEqual(['image1Url', 'image1Alt', 'image2Url', 'image2Alt', 'image3Url', 'image3Alt', 'publishDate', 'publishTime']);
    expect(JSON.stringify(empty)).toContain('"title":"Images and publish time"');
    // A saved image or a problem in the hidden fields opens the section, so nothing saved is out of sight.
    const hiddenIds = (values: Record<string, string>, errors?: Record<string, string>) => inSight(postCard({ ...view(true), values, errors }).body).filter((i) => i.hidden).map((i) => i.id);
    expect(hiddenIds({ image2Alt: 'A dog' })).toEqual([]);
    // Images 2 and 3 stay one more tap away ("More images") until they hold something.
    expect(hiddenIds({ publishTime: '09:00' })).toEqual(['image2Url', 'image2Alt', 'image3Url', 'image3Alt']);
    expect(hiddenIds({}, { publishDate: 'Choose the day' })).toEqual(['image2Url', 'image2Alt', 'image3Url', 'image3Alt']);
    expect(hiddenIds({}, { image3Url: 'Enter the image as a full address' })).toEqual([]);
  });

  it('the text label names the limit that binds: the platform where it is stricter than the card, honestly otherwise', () => {
    const cap = COMPOSE_LIMITS.textChars;
    expect(textLimitHint('instagram', cap)).toBe('Instagram takes up to 2,200 characters');
    expect(textLimitHint('linkedin', cap)).toBe('LinkedIn takes up to 3,000 characters');
    expect(textLimitHint('youtube', cap)).toBe('YouTube takes up to 5,000 characters');
    expect(textLimitHint('x', cap)).toBe('X counts up to 280, every link as 23');
    expect(textLimitHint('facebook', cap)).toBe('up to 5,000 characters here; Facebook takes 63,206, more than a Teams card carries');
    expect(textLimitHint('tiktok', cap)).toBe('up to 5,000 characters here');
    expect(JSON.stringify(postCard({ ...view(true), textLimit: textLimitHint('instagram', cap) }))).toContain('Post text (Instagram takes up to 2,200 characters)');
  });

  it.each([
    ['5,000 letters', 'a'.repeat(COMPOSE_LIMITS.textChars)],
    ['8 KB of emoji', '😀'.repeat(COMPOSE_LIMITS.contentBytes / 4)],
    ['quotes, each escaped in JSON', '"'.repeat(COMPOSE_LIMITS.contentBytes / 2)],
    ['backslashes and line breaks', '\\\n'.repeat(COMPOSE_LIMITS.contentBytes / 4)],
    ['control characters (6 bytes each in JSON)', '\u0001'.repeat(COMPOSE_LIMITS.contentBytes / 6)],
  ])('the approval card with the longest text the compose card takes (%s), the most findings and rounds, stays under 24 KB', (_name, longest) => {
    expect(composeTooBig({ text: longest })).toBeUndefined();
    if (longest.length < COMPOSE_LIMITS.textChars) expect(composeTooBig({ text: `${longest}${[...longest].at(-1)}` })).toContain('too long to show on a Teams card');
    const card = postApprovalCard({ ...approval, content: { ...content, text: longest, links: [], images: [] } });
    expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});

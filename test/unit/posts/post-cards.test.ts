import { composeTooBig } from '../../../src/domain/posts/compose-form';
import type { FindingView, PostApprovalView, PostView } from '../../../src/services/posts/post-views';
import { postCard } from '../../../cards/posts/post-card';
import { postApprovalCard } from '../../../cards/posts/approval-card';

/** CARDS.md: under 24 KB whatever a person typed, at most 3 buttons at the end, wrap on every TextBlock. */
const MAX_CARD_BYTES = 24_000;

// The most a card can carry: 9,000 bytes of text, links and images (3-byte characters), and many long findings.
const text = '公'.repeat(1_870);
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

const view = (editable: boolean): PostView => ({ postId: '00000000-0000-4000-8000-000000000000', version: 12, handle: '@'.padEnd(100, 'h'), platformLabel: 'Instagram', status: 'returned', statusLabel: 'Returned for changes', statusColor: 'attention', editable, values, content, findings, errors: { text: 'x'.repeat(300) }, actions: ['submit', 'edit', 'publish'], rounds, notice: { text: 'Fixed and checked again.', color: 'default' } });
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
});

import { correctionFormCard, postHistoryCard } from '../../../cards/oversight/post-history-card';
import { oversightCard, referralFormCard } from '../../../cards/oversight/referral-cards';
import type { CorrectionFormView, OversightView, PostHistoryView, ReferralFormView } from '../../../src/services/oversight/oversight-views';
import { POST_INPUT_LIMITS } from '../../../src/domain/posts/input-limits';

/** CARDS.md: under 24 KB whatever a person typed, at most 3 buttons at the end, wrap on every TextBlock (REC-3, REC-4). */
const MAX_CARD_BYTES = 24_000;
const wide = (n: number) => '公'.repeat(n);
const postText = wide(POST_INPUT_LIMITS.textChars);
const at = 'Thu, Dec 10, 2026, 9:00 AM';
const id = '00000000-0000-4000-8000-000000000000';

const history: PostHistoryView = {
  postId: id, presenceId: id, handle: '@'.padEnd(100, 'h'), platformLabel: 'Instagram', statusLabel: 'Published', text: postText, publishedUrl: `https://www.instagram.com/${'p'.repeat(2000)}`,
  rounds: Array.from({ length: 20 }, (_, i) => ({ round: i + 1, outcome: 'returned', by: 'Dana Reyes', at, reason: wide(1000) })),
  corrections: Array.from({ length: 12 }, () => ({ kindLabel: 'Edited by IT', policyLabel: 'POST-5: compromises safety', reason: wide(1000), by: 'Ivy Tran', at, originalText: postText, editedText: wide(5000) })),
  heldFor: ['MPD-2026-0412'.padEnd(40, '9')], canCorrect: true, canRefer: true, notice: { text: 'Edited by IT recorded.', color: 'accent' },
};
const form: CorrectionFormView = { postId: id, handle: '@h', text: postText, values: { kind: 'edit', policy: 'POST-5', reason: wide(1000), editedText: wide(5000) }, error: 'Say why' };
const oversight: OversightView = {
  presenceId: id, handle: '@'.padEnd(100, 'h'), platformLabel: 'Instagram', canRefer: true, notice: { text: 'Referral recorded.', color: 'accent' },
  referrals: Array.from({ length: 10 }, () => ({ caseNumber: 'C'.repeat(40), foundOn: '2026-12-01', reportedOn: '2026-12-02', by: 'Morgan Lee', held: Array.from({ length: 21 }, () => `Post: ${wide(80)}`), note: wide(1000) })),
  posts: Array.from({ length: 15 }, (_, i) => ({ postId: id, statusLabel: 'Published', excerpt: wide(80), corrections: i, held: true })),
};
const referral: ReferralFormView = { presenceId: id, postId: id, handle: '@h', today: '2026-12-07', error: 'Give the date', choices: Array.from({ length: 21 }, (_, i) => ({ title: `Post: ${wide(60)}`, value: `post:${id}${i}` })), values: { foundOn: '2026-12-01', reportedOn: '2026-12-02', caseNumber: 'C'.repeat(40), note: wide(1000), held: 'presence' } };

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));
const textBlocks = (n: any): any[] => (!n || typeof n !== 'object' ? [] : Array.isArray(n) ? n.flatMap(textBlocks) : [...(n.type === 'TextBlock' ? [n] : []), ...Object.values(n).flatMap(textBlocks)]);

describe('oversight cards at their largest', () => {
  it.each([
    ['post history', () => postHistoryCard(history)],
    ['correction form', () => correctionFormCard(form)],
    ['posts and referrals', () => oversightCard(oversight)],
    ['referral form', () => referralFormCard(referral)],
  ])('the %s card stays under 24 KB, with at most 3 buttons at its end and wrapped text', (_name, render) => {
    const card = render() as any;
    expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect((card.actions ?? []).filter((a: any) => a.mode !== 'secondary').length).toBeLessThanOrEqual(3);
    expect(textBlocks(card).filter((b) => b.wrap !== true)).toEqual([]);
  });

  it('the history shows the latest corrections with the original kept, and says the export holds the rest', () => {
    const card = JSON.stringify(postHistoryCard(history));
    expect(card).toContain('The latest 3 of 12');
    expect(card).toContain('The post as it stood before (kept)');
    expect(card).toContain('Held for police case MPD-2026-0412');
  });
});

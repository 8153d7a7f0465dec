import { verifyAuditTrail } from '../../src/records/audit';
import { cardText } from '../harness/teams-client';
import { approveAsAuthority, CITY_ATTORNEY, IT_REVIEW, fillRequest, parksAnswers, setUp, waitForCards } from '../harness/presence-flow';
import { TwoBots } from '../harness/two-bots';

/** Two bot processes on one PostgreSQL database, every user's activities alternating between them. */
describe('two bot processes on one PostgreSQL database', () => {
  let two: TwoBots;
  beforeAll(async () => {
    two = await TwoBots.start({ admins: ['Morgan Lee'] });
    await setUp(two.asHarness());
  }, 90_000);
  afterAll(() => two?.stop());

  it('REQ-1..REQ-4 the request journey completes with its clicks landing on either process', async () => {
    const h = two.asHarness();
    const pat = two.user('Pat Parker');
    const { requestId, summary } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    expect(cardText(summary)).toContain('@MadisonParks');
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId); // REQ-6: the approving authority first
    await waitForCards(h, IT_REVIEW, 1);

    const itReview = await two.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
    const approvedByIt = await two.user('Ivy Tran').click({ verb: 'review.decide', reviewId: itReview.id, decision: 'approve' }, { channel: IT_REVIEW });
    expect(cardText(approvedByIt.card)).toContain('You approved @MadisonParks for IT');
    await waitForCards(h, CITY_ATTORNEY, 1);

    const attorneyReview = await two.db.review.findFirstOrThrow({ where: { requestId, stage: 'attorney' } });
    const approved = await two.user('Sam Okafor').click({ verb: 'review.decide', reviewId: attorneyReview.id, decision: 'approve' }, { channel: CITY_ATTORNEY });
    expect(cardText(approved.card)).toContain('You approved @MadisonParks');
    await two.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.body?.summary === 'Your social media presence is approved');
    expect(await two.db.presence.findUniqueOrThrow({ where: { requestId } })).toMatchObject({ state: 'approved_not_live', handle: '@MadisonParks' });
  }, 60_000);

  it('REQ-4 20 concurrent decisions split across both processes give exactly one decision and one requester notice', async () => {
    const h = two.asHarness();
    // REQ-6: the requester is never their own approving authority, so Pat asks and Dana approves first.
    const requester = two.user('Pat Parker');
    const { requestId } = await fillRequest(requester, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await requester.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId); // REQ-6: the approving authority first
    const review = await two.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
    await waitForCards(h, IT_REVIEW, 2);

    const ivy = two.user('Ivy Tran');
    const clicks = Array.from({ length: 20 }, (_, i) =>
      ivy.click({ verb: 'review.decide', reviewId: review.id, decision: i % 2 ? 'reject' : 'approve', reason: i % 2 ? `Reason ${i}` : '' }, { channel: IT_REVIEW }),
    );
    const results = await Promise.all(clicks);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const decided = await two.db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(['approved', 'rejected']).toContain(decided.status);
    // One IT decision, after the approving authority's.
    expect(await two.db.auditEvent.count({ where: { action: 'review.decided', entityId: requestId } })).toBe(2);
    expect(results.filter((r) => cardText(r.card).includes('did not change anything'))).toHaveLength(19);

    const words = decided.status === 'approved' ? 'IT approved your request' : 'IT returned your request';
    await two.connector.waitFor((c) => c.conversationId === requester.personalConversationId() && c.body?.summary === words && JSON.stringify(c.body).includes(requestId));
    await new Promise((r) => setTimeout(r, 500));
    expect(two.connector.calls.filter((c) => c.conversationId === requester.personalConversationId() && c.body?.summary === words && JSON.stringify(c.body).includes(requestId))).toHaveLength(1);
  }, 60_000);

  it('REC-1 the audit chain written by both processes verifies, with no gap in its numbers', async () => {
    const check = await verifyAuditTrail(two.db);
    expect(check).toMatchObject({ ok: true });
    const seqs = (await two.db.auditEvent.findMany({ select: { seq: true }, orderBy: { seq: 'asc' } })).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(seqs.length).toBeGreaterThan(20);
  });
});

import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { fillRequest, parksAnswers, setUp, waitForCards, channelCards, approveAsAuthority, IT_REVIEW, CITY_ATTORNEY } from '../harness/presence-flow';
import { verifyAuditTrail } from '../../src/records/audit';

async function submitted(h: Harness, user: TeamsUser, approver = 'Dana Reyes') {
  const { requestId } = await fillRequest(user, await parksAnswers(h, approver, [user.name]));
  await user.click({ verb: 'request.submit', requestId });
  await approveAsAuthority(h, requestId);
  const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' }, orderBy: { round: 'desc' } });
  return { requestId, reviewId: review.id };
}

const noticesTo = (h: Harness, user: TeamsUser, words: string) =>
  h.connector.calls.filter((c) => c.conversationId === user.personalConversationId() && typeof c.body?.summary === 'string' && c.body.summary.includes(words));

describe('REQ-2..REQ-4 reviews in the IT and City Attorney channels', () => {
  let h: Harness;
  let pat: TeamsUser;
  let ivy: TeamsUser;
  let sam: TeamsUser;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, ivy, sam] = [h.user('Pat Parker'), h.user('Ivy Tran'), h.user('Sam Okafor')];
  });
  afterAll(() => h.stop());

  it('REQ-4 rejection by IT needs a reason, returns the request, and the revised request starts review again; both rounds stay in its history', async () => {
    const { requestId, reviewId } = await submitted(h, pat);
    await waitForCards(h, IT_REVIEW, 1);

    const noReason = await ivy.click({ verb: 'review.decide', reviewId, decision: 'reject', reason: '' }, { channel: IT_REVIEW });
    expect(cardText(noReason.card)).toContain('Say why you are returning it');
    expect((await h.bot.db.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe('pending');

    const rejected = await ivy.click({ verb: 'review.decide', reviewId, decision: 'reject', reason: 'The handle @MadisonParks belongs to a personal account.' }, { channel: IT_REVIEW });
    // Issue 10: the decider's card is the short one (what happened, what next); the details are one click away.
    expect(cardText(rejected.card)).toContain('You returned @MadisonParks to the requester');
    expect(cardActions(rejected.card).map((a) => a.verb)).toEqual(['review.open']);
    const details = await ivy.click(cardActions(rejected.card)[0].data, { channel: IT_REVIEW });
    expect(cardText(details.card)).toMatch(/Returned by Ivy Tran on .*\nReason: The handle @MadisonParks belongs to a personal account\./);
    expect(cardActions(details.card)).toHaveLength(0);

    // The channel card is updated in place for everyone, and Pat is told with a button to revise.
    const [update] = await h.connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body ?? null).includes('Returned by Ivy Tran'));
    expect(update.path).toMatch(/^\/v3\/conversations\/19%3Ait-review%40thread\.tacv2%3Bmessageid%3D\d+\/activities\/\d+$/);
    const [notice] = await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.body?.summary === 'IT returned your request');
    expect(cardText(notice.body.attachments[0].content)).toContain('Ivy Tran: The handle @MadisonParks belongs to a personal account.');
    expect(cardActions(notice.body.attachments[0].content)[0]).toMatchObject({ title: 'Revise request', verb: 'request.open' });

    const revise = await pat.click({ verb: 'request.open', requestId });
    expect(cardText(revise.card)).toContain('Returned to you');
    const edit = await pat.click({ verb: 'request.edit', requestId, step: 1 });
    expect(cardText(edit.card)).toContain('Returned to you: The handle @MadisonParks belongs to a personal account.');
    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'next', departmentId: 'parks', platform: 'instagram', handle: '@CityofMadisonParks', criterion: 'marketing' });
    const resubmitted = await pat.click({ verb: 'request.submit', requestId });
    expect(cardText(resubmitted.card)).toContain('Sent @CityofMadisonParks to your approving authority');
    await approveAsAuthority(h, requestId);
    await waitForCards(h, IT_REVIEW, 2);
    const round2 = channelCards(h, IT_REVIEW)[1].card;
    expect(cardText(round2)).toContain('2 (resubmitted after changes)');
    expect(cardText(round2)).toContain('@CityofMadisonParks');

    const review2 = await h.bot.db.review.findFirstOrThrow({ where: { requestId, round: 2, stage: 'it' } });
    await ivy.click({ verb: 'review.decide', reviewId: review2.id, decision: 'approve' }, { channel: IT_REVIEW });
    await waitForCards(h, CITY_ATTORNEY, 1);
    const attorneyCard = channelCards(h, CITY_ATTORNEY)[0].card;
    expect(cardText(attorneyCard)).toMatch(/IT: approved by Ivy Tran on/);
    expect(cardText(attorneyCard)).toContain('First Amendment');

    const attorneyReview = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'attorney' } });
    const approved = await sam.click({ verb: 'review.decide', reviewId: attorneyReview.id, decision: 'approve' }, { channel: CITY_ATTORNEY });
    expect(cardText(approved.card)).toContain('You approved @CityofMadisonParks');
    expect(cardText((await sam.click(cardActions(approved.card)[0].data, { channel: CITY_ATTORNEY })).card)).toMatch(/Approved by Sam Okafor on/);
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.body?.summary === 'Your social media presence is approved');

    const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
    expect(presence).toMatchObject({ state: 'approved_not_live', handle: '@CityofMadisonParks', departmentId: 'parks', ownerId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } })).id });

    const summary = await pat.click({ verb: 'request.open', requestId });
    const history = cardText(summary.card);
    expect(history).toMatch(/Round 1, IT review: returned by Ivy Tran, .*: The handle @MadisonParks belongs to a personal account\./);
    expect(history).toMatch(/Round 2, IT review: approved by Ivy Tran/);
    expect(history).toMatch(/Round 2, City Attorney review: approved by Sam Okafor/);

    // REQ-4: the decision records who, when, the reason and the hash of the card the approver saw.
    const decided = await h.bot.db.auditEvent.findMany({ where: { action: 'review.decided', entityId: requestId }, orderBy: { seq: 'asc' } });
    expect(decided.map((e) => JSON.parse(e.data))).toEqual([
      expect.objectContaining({ stage: 'authority', round: 1, decision: 'approve', shownCardSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ stage: 'it', round: 1, decision: 'reject', reason: 'The handle @MadisonParks belongs to a personal account.', shownCardSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ stage: 'authority', round: 2, decision: 'approve' }),
      expect.objectContaining({ stage: 'it', round: 2, decision: 'approve' }),
      expect.objectContaining({ stage: 'attorney', round: 2, decision: 'approve' }),
    ]);
  });

  it('REQ-4 the requester cannot approve their own request, even holding the IT role', async () => {
    const ivyPerson = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } });
    const { reviewId } = await submitted(h, ivy);
    expect((await h.bot.db.roleGrant.findMany({ where: { personId: ivyPerson.id } })).map((g) => g.role)).toContain('it_reviewer');
    const res = await ivy.click({ verb: 'review.decide', reviewId, decision: 'approve' }, { channel: IT_REVIEW });
    expect(cardText(res.card)).toContain('You made this request, so someone else must decide on it. Nothing was changed.');
    expect((await h.bot.db.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe('pending');
  });

  it('REQ-4 a staffer clicking Approve on a copied card is refused and nothing changes', async () => {
    const review = await h.bot.db.review.findFirstOrThrow({ where: { status: 'pending', stage: 'it' } });
    const before = await h.bot.db.auditEvent.count();
    const res = await h.user('Dana Reyes').click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: IT_REVIEW });
    expect(cardText(res.card)).toContain('Only IT reviewers can decide here. Nothing was changed.');
    // Issue 8 item 4: a refused reader gets the refusal, not the request (no answers, no contact, no buttons).
    expect(cardText(res.card)).not.toContain('@MadisonParks');
    expect(cardActions(res.card).map((a) => a.title)).not.toContain('Approve');
    expect((await h.bot.db.review.findUniqueOrThrow({ where: { id: review.id } })).status).toBe('pending');
    expect(await h.bot.db.auditEvent.count()).toBe(before);
  });

  it('REQ-4 20 concurrent Approve/Reject clicks give exactly one decision, one channel update and one requester notice', async () => {
    const dana = h.user('Dana Reyes');
    await dana.install();
    // REQ-6: Dana heads Parks but cannot approve her own request; the division's designated approver does.
    const morganId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } })).id;
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: morganId, role: 'dept_approver', departmentId: 'parks' });
    const { reviewId } = await submitted(h, dana, 'Morgan Lee');
    await h.bot.worker.drain();
    const reviewers = ['Ivy Tran', 'Grace Ho', 'Omar Said', 'Lena Berg'];
    for (const name of reviewers.slice(1)) {
      await h.user(name).install();
      const p = await h.bot.db.person.findFirstOrThrow({ where: { name } });
      await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: p.id, role: 'it_reviewer' });
    }
    const putsBefore = h.connector.calls.filter((c) => c.method === 'PUT').length;
    const clicks = Array.from({ length: 20 }, (_, i) =>
      h.user(reviewers[i % reviewers.length]).click({ verb: 'review.decide', reviewId, decision: i % 2 ? 'reject' : 'approve', reason: i % 2 ? `Reason ${i}` : '' }, { channel: IT_REVIEW }),
    );
    const results = await Promise.all(clicks);
    expect(results.every((r) => r.status === 200 && r.card)).toBe(true);
    const review = await h.bot.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(['approved', 'rejected']).toContain(review.status);
    // One IT decision (the approving authority's came before, REQ-6).
    expect(await h.bot.db.auditEvent.count({ where: { action: 'review.decided', entityId: review.requestId } })).toBe(2);
    // The winner gets the short card; every other clicker sees the final state and that their click did not count.
    const banner = review.status === 'approved' ? 'Approved by' : 'Returned by';
    const won = results.filter((r) => /You (approved|returned) /.test(cardText(r.card)));
    expect(won).toHaveLength(1);
    const lost = results.filter((r) => r !== won[0]);
    expect(lost.every((r) => cardText(r.card).includes(banner) && cardText(r.card).includes('did not change anything'))).toBe(true);

    await h.bot.worker.drain();
    await new Promise((r) => setTimeout(r, 300));
    await h.bot.worker.drain();
    expect(h.connector.calls.filter((c) => c.method === 'PUT').length - putsBefore).toBe(1);
    const words = review.status === 'approved' ? 'IT approved your request' : 'IT returned your request';
    expect(noticesTo(h, dana, words)).toHaveLength(1);
  });

  it('REQ-4 a click on a stale card gets the card as it stands now, saying who decided', async () => {
    const decided = await h.bot.db.review.findFirstOrThrow({ where: { status: 'rejected', round: 1 } });
    const res = await sam.click({ verb: 'review.decide', reviewId: decided.id, decision: 'approve' }, { channel: IT_REVIEW });
    // Sam decides in the other stage: refused with nothing of the request shown (issue 8 item 4).
    expect(cardText(res.card)).toContain('Only IT reviewers can decide here. Nothing was changed.');
    expect(cardText(res.card)).not.toMatch(/Returned by Ivy Tran on/);
    const again = await ivy.click({ verb: 'review.decide', reviewId: decided.id, decision: 'approve' }, { channel: IT_REVIEW });
    expect(cardText(again.card)).toContain('This was already decided; your click did not change anything.');
    expect(cardText(again.card)).toMatch(/Returned by Ivy Tran on/);
    expect(cardActions(again.card)).toHaveLength(0);
  });

  it('REC-1 every step is in the audit trail and the chain verifies', async () => {
    const actions = new Set((await h.bot.db.auditEvent.findMany({ select: { action: true } })).map((e) => e.action));
    for (const a of ['request.started', 'request.draft_saved', 'request.submitted', 'review.decided', 'presence.registered']) expect(actions).toContain(a);
    expect(await verifyAuditTrail(h.bot.db)).toMatchObject({ ok: true });
  });
});

describe('REQ-2 reviewers find what waits for them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
  });
  afterAll(() => h.stop());

  it('lists pending reviews for an IT reviewer and lets them decide from their personal chat', async () => {
    const pat = h.user('Pat Parker');
    const { reviewId } = await submitted(h, pat);
    const [list] = await h.user('Ivy Tran').say('reviews');
    expect(cardText(list)).toContain('@MadisonParks: IT review');
    const opened = await h.user('Ivy Tran').click({ verb: 'review.open', reviewId });
    expect(cardActions(opened.card).map((a) => a.title)).toEqual(['Approve', 'Return to requester']);
    const decided = await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId, decision: 'approve' });
    // Issue 10: in the personal chat the short card offers the next review and the way back to the list.
    expect(cardText(decided.card)).toContain('You approved @MadisonParks for IT');
    expect(cardActions(decided.card).map((a) => a.title)).toEqual(['Next review', 'See the request', 'Back to reviews']);
    expect(cardText((await h.user('Ivy Tran').click({ verb: 'review.open', reviewId })).card)).toMatch(/Approved by Ivy Tran/);
    // The channel card is still updated for everyone.
    await h.connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body ?? null).includes('Approved by Ivy Tran'));
    const [empty] = await h.user('Ivy Tran').say('reviews');
    expect(cardText(empty)).toContain('Nothing is waiting for your decision.');
  });

  it('refuses the list to staff', async () => {
    const [reply] = await h.user('Pat Parker').say('reviews');
    expect(cardText(reply)).toContain('Reviews are for the people who decide');
  });
});

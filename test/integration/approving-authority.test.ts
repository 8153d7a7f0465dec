import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { approveAsAuthority, fillRequest, parksAnswers, setUp, waitForCards, channelCards, IT_REVIEW, CITY_ATTORNEY } from '../harness/presence-flow';

const personalCards = (h: Harness, user: TeamsUser) => h.connector.cards((c) => c.conversationId === user.personalConversationId() && c.method === 'POST');

/** REQ-6: the department's approving authority approves a new presence first, in their personal chat; then IT; then the City Attorney. */
describe('REQ-6 the approving authority decides before IT', () => {
  let h: Harness;
  let pat: TeamsUser;
  let dana: TeamsUser;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, dana] = [h.user('Pat Parker'), h.user('Dana Reyes')];
  });
  afterAll(() => h.stop());

  it('request -> approving authority (personal chat) -> IT -> City Attorney; each card shows the submission time and earlier approvals apart', async () => {
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('authority_review');
    await h.connector.waitFor((c) => c.conversationId === dana.personalConversationId() && c.body?.summary === 'A new social media presence request waits for your approval');
    const sent = personalCards(h, dana).find((c) => cardText(c.card).includes('Approving authority: new social media presence'))!;
    expect(cardActions(sent.card).map((a) => a.title)).toEqual(['Approve', 'Return to requester']);
    expect(channelCards(h, IT_REVIEW)).toHaveLength(0);

    // The submission happened a day ago: every later card shows that time, not the time of the last approval.
    const authority = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'authority' } });
    await h.bot.db.review.update({ where: { id: authority.id }, data: { createdAt: new Date('2026-03-02T15:04:00Z') } });
    const { card: decided, itReview } = await approveAsAuthority(h, requestId);
    // Issue 10: the decider gets a short card; the review as it stands is one click away.
    expect(cardText(decided)).toContain('You approved @MadisonParks for your department');
    const seen = await dana.click({ verb: 'review.open', reviewId: authority.id });
    expect(cardText(seen.card)).toMatch(/Approved by Dana Reyes on/);
    // The card Dana was shown is the one whose hash is recorded with her decision.
    const event = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'review.decided', entityId: requestId } });
    expect(JSON.parse(event.data)).toMatchObject({ stage: 'authority', decision: 'approve', shownCardSha256: authority.cardHash });
    await h.connector.waitFor((c) => c.method === 'PUT' && c.conversationId === dana.personalConversationId());

    const [itCard] = await waitForCards(h, IT_REVIEW, 1);
    expect(cardText(itCard.card)).toMatch(/Approving authority: approved by Dana Reyes on/);
    expect(cardText(itCard.card)).toContain('Mar 2, 2026');
    await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId: itReview!.id, decision: 'approve' }, { channel: IT_REVIEW });
    const [attorneyCard] = await waitForCards(h, CITY_ATTORNEY, 1);
    const text = cardText(attorneyCard.card);
    expect(text).toMatch(/Submitted\n[^\n]*Mar 2, 2026/);
    expect(text).toMatch(/IT approved at\n/);
    expect(text).not.toMatch(/IT approved at\n[^\n]*Mar 2, 2026/);
    const attorney = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'attorney' } });
    await h.user('Sam Okafor').click({ verb: 'review.decide', reviewId: attorney.id, decision: 'approve' }, { channel: CITY_ATTORNEY });
    expect(await h.bot.db.presence.findUnique({ where: { requestId } })).toMatchObject({ state: 'approved_not_live' });

    // Issue 10 "data that disagrees": the policy's point 2 reads the spokesperson the approved request named, though
    // nobody holds the spokesperson role.
    expect(await h.bot.db.roleGrant.count({ where: { role: 'spokesperson' } })).toBe(0);
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } })).id, role: 'department_head', departmentId: 'parks' });
    const [policyStep] = await dana.say('file our policy');
    expect(cardText(policyStep)).toContain('Spokespersons\nPat Parker');
    expect(cardText(policyStep)).not.toContain('None on record');
  });

  it('a repeated click by the approver gets the card as it stands; a forged click by anyone else changes nothing and shows nothing', async () => {
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'authority' } });
    const before = await h.bot.db.auditEvent.count();
    for (const who of ['Ivy Tran', 'Sam Okafor', 'Morgan Lee', 'Pat Parker']) {
      const res = await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' });
      expect(cardText(res.card)).toContain('Only the approving authority named in this request can decide here. Nothing was changed.');
      expect(cardText(res.card)).not.toContain('@MadisonParks');
      const opened = await h.user(who).click({ verb: 'review.open', reviewId: review.id });
      expect(cardText(opened.card)).not.toContain('@MadisonParks');
    }
    expect(await h.bot.db.auditEvent.count()).toBe(before);
    expect((await h.bot.db.review.findUniqueOrThrow({ where: { id: review.id } })).status).toBe('pending');

    // Dana finds it in `reviews`, returns it with a reason; Pat is told why; a second click changes nothing.
    const [list] = await dana.say('reviews');
    expect(cardText(list)).toContain('@MadisonParks: Approving authority');
    const returned = await dana.click({ verb: 'review.decide', reviewId: review.id, decision: 'reject', reason: 'Use the department-wide account instead.' });
    expect(cardText(returned.card)).toContain('You returned @MadisonParks to the requester');
    const seen = await dana.click({ verb: 'review.open', reviewId: review.id });
    expect(cardText(seen.card)).toMatch(/Returned by Dana Reyes on .*\nReason: Use the department-wide account instead\./);
    const [notice] = await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && typeof c.body?.summary === 'string' && c.body.summary.includes('Dana Reyes (your approving authority) returned your request'));
    expect(cardText(notice.body.attachments[0].content)).toContain('Use the department-wide account instead.');
    const again = await dana.click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' });
    expect(cardText(again.card)).toContain('This was already decided; your click did not change anything.');
    expect(await h.bot.db.review.count({ where: { requestId, stage: 'it' } })).toBe(0);
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('returned');
  });

  it('refuses on submit a request that names the requester, or someone who is not an approving authority, saying why', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Dana Reyes']);
    const own = await fillRequest(dana, answers);
    const mine = await dana.click({ verb: 'request.submit', requestId: own.requestId });
    expect(cardText(mine.card)).toContain('You cannot approve your own request');
    expect(cardText(mine.card)).toContain('Step 3 of 5');

    const ivy = await parksAnswers(h, 'Ivy Tran', ['Pat Parker']);
    const other = await fillRequest(pat, ivy);
    const refused = await pat.click({ verb: 'request.submit', requestId: other.requestId });
    expect(cardText(refused.card)).toContain('Ivy Tran is not an approving authority for Parks Division');
    expect(cardText(refused.card)).toContain('Choose Dana Reyes.');
    for (const id of [own.requestId, other.requestId]) expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'request.submitted', entityId: { in: [own.requestId, other.requestId] } } })).toBe(0);
  });

  it('an approver whose role was revoked after the request was sent cannot decide it', async () => {
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    const grants = await h.bot.db.roleGrant.findMany({ where: { role: { in: ['dept_approver', 'department_head'] }, departmentId: 'parks', revokedAt: null } });
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) await h.user('Morgan Lee').click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'authority' } });
    const res = await dana.click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' });
    expect(cardText(res.card)).toContain("You no longer hold the department's approving authority");
    expect((await h.bot.db.review.findUniqueOrThrow({ where: { id: review.id } })).status).toBe('pending');
  });
});

describe('REQ-6 changing the account name or platform of an approved presence goes back through review', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
  });
  afterAll(() => h.stop());

  it('Edit details refuses a new name; Request a change re-enters review and its approval updates the same presence, audited', async () => {
    const pat = h.user('Pat Parker');
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const { requestId } = await fillRequest(pat, answers);
    await pat.click({ verb: 'request.submit', requestId });
    const { itReview } = await approveAsAuthority(h, requestId);
    await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId: itReview!.id, decision: 'approve' }, { channel: IT_REVIEW });
    const attorney = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'attorney' } });
    await h.user('Sam Okafor').click({ verb: 'review.decide', reviewId: attorney.id, decision: 'approve' }, { channel: CITY_ATTORNEY });
    const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });

    const card = (await pat.click({ verb: 'presence.open', presenceId: presence.id })).card;
    expect(cardActions(card).map((a) => a.title)).toContain('Request a change');
    const edit = await pat.click({ verb: 'presence.edit', presenceId: presence.id, version: presence.version, handle: '@ParksRenamed', accountUrl: '', staffName: 'Pat Parker', staffTitle: 'Community Outreach Coordinator', staffContact: 'pparker@cityofmadison.com', dataLocation: 'Parks shared drive, monthly export' });
    expect(cardText(edit.card)).toContain('a new name goes back through review. Use "Request a change"');
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).handle).toBe('@MadisonParks');

    // Someone who is neither the owner nor the department head cannot ask; nothing is created.
    const refused = await h.user('Ivy Tran').click({ verb: 'presence.change.start', presenceId: presence.id });
    expect(cardText(refused.card)).toContain("Only the presence's owner or the head of its department");
    expect(await h.bot.db.presenceRequest.count({ where: { changesPresenceId: presence.id } })).toBe(0);

    const started = await pat.click({ verb: 'presence.change.start', presenceId: presence.id });
    expect(cardText(started.card)).toContain('Step 1 of 5');
    const change = await h.bot.db.presenceRequest.findFirstOrThrow({ where: { changesPresenceId: presence.id } });
    const renamed: Record<number, Record<string, string>> = { ...answers, 1: { ...answers[1], handle: '@MadisonParksOfficial' } };
    for (let step = 1; step <= 5; step++) await pat.click({ verb: 'request.step', requestId: change.id, step, nav: 'next', ...renamed[step] });
    // Opening it again returns the same change rather than a second one.
    await pat.click({ verb: 'presence.change.start', presenceId: presence.id });
    expect(await h.bot.db.presenceRequest.count({ where: { changesPresenceId: presence.id } })).toBe(1);

    await pat.click({ verb: 'request.submit', requestId: change.id });
    const { itReview: changeIt } = await approveAsAuthority(h, change.id);
    const itCards = await waitForCards(h, IT_REVIEW, 2);
    expect(cardText(itCards[1].card)).toContain('A change to the approved presence @MadisonParks (Instagram)');
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).handle).toBe('@MadisonParks');
    await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId: changeIt!.id, decision: 'approve' }, { channel: IT_REVIEW });
    const changeAttorney = await h.bot.db.review.findFirstOrThrow({ where: { requestId: change.id, stage: 'attorney' } });
    await h.user('Sam Okafor').click({ verb: 'review.decide', reviewId: changeAttorney.id, decision: 'approve' }, { channel: CITY_ATTORNEY });

    expect(await h.bot.db.presence.count()).toBe(1);
    expect(await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).toMatchObject({ handle: '@MadisonParksOfficial', requestId });
    const events = await h.bot.db.auditEvent.findMany({ where: { entityType: 'presence', entityId: presence.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['presence.change_requested', 'presence.changed']));
    expect(JSON.parse(events.find((e) => e.action === 'presence.changed')!.data)).toMatchObject({ before: { handle: '@MadisonParks' }, after: { handle: '@MadisonParksOfficial' } });
  }, 120_000);
});

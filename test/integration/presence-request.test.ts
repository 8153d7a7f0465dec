import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { fillRequest, parksAnswers, setUp, waitForCards, channelCards, approveAsAuthority, IT_REVIEW } from '../harness/presence-flow';

describe('REQ-1..REQ-4 request a presence: guided cards, IT then City Attorney review', () => {
  let h: Harness;
  let pat: TeamsUser;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    pat = h.user('Pat Parker');
  });
  afterAll(() => h.stop());

  it('REQ-1 walks five short steps to a summary with Edit on each section and Submit', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const { summary } = await fillRequest(pat, answers);
    const text = cardText(summary);
    expect(text).toContain('Check your answers, then submit for review.');
    for (const fact of ['@MadisonParks', 'Instagram', 'Parks Division', 'https://www.cityofmadison.com/parks', 'Dana Reyes', 'Has direct messages: they will be turned off']) expect(text).toContain(fact);
    const verbs = cardActions(summary).map((a) => a.verb);
    expect(verbs.filter((v) => v === 'request.edit')).toHaveLength(5);
    expect(verbs).toContain('request.submit');
  });

  it('REQ-1 states each problem beside its field, keeps every value, and does not advance', async () => {
    const [first] = await pat.say('request a presence');
    const requestId = cardActions(first)[0].data.requestId;
    const bad = await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'next', departmentId: 'parks', platform: 'other', platformOther: '', handle: '@MadisonParksGo', criterion: '' });
    let text = cardText(bad.card);
    expect(text).toContain('Step 1 of 5');
    expect(text).toContain('2 answers need fixing');
    expect(text).toContain('Name the platform');
    expect(text).toContain("Choose which of the policy's three uses this account serves");
    expect(bad.card.body.find((e: any) => e.id === 'handle').value).toBe('@MadisonParksGo');

    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'next', departmentId: 'parks', platform: 'facebook', handle: '@MadisonParksGo', criterion: 'feedback' });
    const offSite = await pat.click({ verb: 'request.step', requestId, step: 2, nav: 'next', purpose: 'short', benefits: 'Reaches families on Facebook who never visit the website.', cityWebPage: 'https://www.facebook.com/madisonparks' });
    text = cardText(offSite.card);
    expect(text).toContain('Step 2 of 5');
    expect(text).toContain('at least a sentence');
    expect(text).toContain('Use a page on cityofmadison.com, like https://www.cityofmadison.com/parks.');

    const noDm = await pat.click({ verb: 'request.step', requestId, step: 4, nav: 'next', dataLocation: 'Shared drive', hasDirectMessages: 'yes', dmHandling: 'archive', dmArchive: '' });
    expect(cardText(noDm.card)).toContain('Say how the messages will be archived');
    const noToggle = await pat.click({ verb: 'request.step', requestId, step: 5, nav: 'next', attestCityAccount: 'true', attestNotice: 'false' });
    expect(cardText(noToggle.card)).toContain("Confirm the account will carry the City's notice to users");

    // Nothing half-valid was submitted: the request is still a draft and nothing was posted for review.
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('draft');
    expect(channelCards(h, IT_REVIEW)).toHaveLength(0);
  });

  it('REQ-1 a draft survives a restart and resumes at the step it was left on', async () => {
    const [first] = await pat.say('request a presence');
    const requestId = cardActions(first)[0].data.requestId;
    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'next', departmentId: 'parks', platform: 'youtube', handle: '@MadisonParksTV', criterion: 'time_sensitive' });
    await pat.click({ verb: 'request.step', requestId, step: 2, nav: 'save', purpose: 'Videos of park events and how-to guides for volunteers.' });
    await h.restart();

    const [mine] = await pat.say('my requests');
    expect(cardText(mine)).toContain('@MadisonParksTV');
    const resumed = await pat.click({ verb: 'request.open', requestId });
    expect(cardText(resumed.card)).toContain('Step 2 of 5');
    expect(resumed.card.body.find((e: any) => e.id === 'purpose').value).toBe('Videos of park events and how-to guides for volunteers.');
  });

  it('REQ-6 then REQ-2: on submit the approving authority decides first; their approval posts one card with the request and what IT must check to the IT review channel', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const { requestId } = await fillRequest(pat, answers);
    const res = await pat.click({ verb: 'request.submit', requestId });
    // Issue 10: the short card says what happened and what comes next; the request as it stands is one click away.
    expect(cardText(res.card)).toContain('Sent @MadisonParks to your approving authority');
    expect(cardActions(res.card)[0]).toMatchObject({ title: 'See request', verb: 'request.open' });
    const seen = await pat.click(cardActions(res.card)[0].data);
    expect(cardText(seen.card)).toMatch(/Sent to your approving authority \(submitted .*\). You will get a message here when they decide./);
    // REQ-6: nothing reaches IT until the approving authority approves.
    expect(channelCards(h, IT_REVIEW)).toHaveLength(0);
    await approveAsAuthority(h, requestId);
    const [posted] = await waitForCards(h, IT_REVIEW, 1);
    const text = cardText(posted.card);
    expect(text).toContain('IT review: new social media presence');
    expect(text).toContain('Requested by');
    expect(text).toContain('Wisconsin Public Records Law (sec. 3.70(3)(b)9 MGO)');
    expect(text).toContain('Has direct messages: they will be turned off');
    expect(cardActions(posted.card).map((a) => a.title)).toEqual(['Approve', 'Return to requester']);
  });
});

describe('REQ-2 a request submitted before the IT review channel is bound', () => {
  let h: Harness;
  afterAll(() => h.stop());

  it('is posted to the channel as soon as an admin binds it', async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    const pat = h.user('Pat Parker');
    await pat.install();
    await h.user('Dana Reyes').install();
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    const dana = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } });
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: dana.id, role: 'department_head', departmentId: 'parks' });
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('draft');
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId);
    expect(await h.bot.db.outboxMessage.findFirst({ where: { kind: 'channelPost' } })).toMatchObject({ status: 'dead', lastError: expect.stringContaining('no channel is bound to IT review') });

    const bound = await h.user('Morgan Lee').click({ verb: 'channels.bind', purpose: 'it_review' }, { channel: IT_REVIEW });
    expect(cardText(bound.card)).toContain('1 request was waiting for it and is posted here now.');
    const [posted] = await waitForCards(h, IT_REVIEW, 1);
    expect(cardText(posted.card)).toContain('IT review: new social media presence');
  });
});

describe('REQ-1 withdrawing, and what a person sees when something unexpected breaks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
  });
  afterAll(() => h.stop());

  it('withdraws a request in review: the channel card says so for everyone and no one can decide it any more', async () => {
    const pat = h.user('Pat Parker');
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId);
    await waitForCards(h, IT_REVIEW, 1);
    const summary = await pat.click({ verb: 'request.open', requestId });
    // Issue 10: Withdraw is a plain button; the click brings a confirm card and changes nothing by itself.
    const withdraw = summary.card.actions.find((a: { title: string }) => a.title === 'Withdraw');
    expect(withdraw).toMatchObject({ type: 'Action.Execute', data: { verb: 'request.stop', requestId } });
    expect(withdraw.style).toBeUndefined();
    const asked = await pat.click(withdraw.data);
    expect(cardText(asked.card)).toContain('Withdraw this request?');
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('it_review');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'request.withdrawn', entityId: requestId } })).toBe(0);
    const yes = cardActions(asked.card).find((a) => a.title === 'Yes, withdraw')!;
    expect(yes.data).toMatchObject({ verb: 'request.stop', requestId, confirmed: true });
    const res = await pat.click(yes.data);
    expect(cardText(res.card)).toContain('Request withdrawn; the reviewers can see that.');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'request.withdrawn', entityId: requestId } })).toBe(1);
    await h.connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body ?? null).includes('Withdrawn by Pat Parker (the requester)'));
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
    const late = await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: IT_REVIEW });
    expect(cardText(late.card)).toContain('This was already decided; your click did not change anything.');
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('withdrawn');
  });

  it('a corrupted stored record gets a short apology with a reference that IT finds in the log', async () => {
    const pat = h.user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = cardActions(first)[0].data.requestId;
    await h.bot.db.presenceRequest.update({ where: { id: requestId }, data: { answers: '{"handle": 5}' } });
    const res = await pat.click({ verb: 'request.open', requestId });
    const text = cardText(res.card);
    expect(text).toContain('Sorry, something went wrong');
    const ref = /reference: \*\*([0-9a-f]{8})\*\*/.exec(text)?.[1];
    expect(ref).toBeDefined();
    const line = h.logLines.find((l) => l.includes(`"correlationId":"${ref}"`));
    expect(line).toContain('"level":50');
  });

  it('issue 9: a fault after the change committed says what was saved, not "Nothing was changed"', async () => {
    const pat = h.user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = cardActions(first)[0].data.requestId;
    // An empty draft is reused (issue 8), so this one gets an answer before the next request starts.
    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'save', handle: '@ParksToCancel' });
    // Another of Pat's requests is unreadable, so the list shown after the cancellation fails to render.
    const [other] = await pat.say('request a presence');
    const otherId = cardActions(other)[0].data.requestId;
    expect(otherId).not.toBe(requestId);
    await h.bot.db.presenceRequest.update({ where: { id: otherId }, data: { answers: '{"handle": 5}' } });
    const res = await pat.click({ verb: 'request.stop', requestId, confirmed: true });
    const text = cardText(res.card);
    expect(text).toContain('Sorry, something went wrong');
    expect(text).toContain('Your cancellation was saved');
    expect(text).not.toContain('Nothing was changed');
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('cancelled');
  });
});

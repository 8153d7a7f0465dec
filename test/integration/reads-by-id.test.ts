import { Harness } from '../harness/bot-harness';
import { cardActions, cardText } from '../harness/teams-client';
import { fillRequest, IT_REVIEW, parksAnswers, setUp, approveAsAuthority } from '../harness/presence-flow';
import { fillPolicy, fullPolicy } from '../harness/policy-flow';

/** Issue 8 items 4 and 5: a record read by id is authorized on the server; a prototype name is only ever a value. */
describe('reads by id authorize, and prototype names are plain values', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    const morgan = h.user('Morgan Lee');
    for (const name of ['Dana Reyes', 'Gus Hale']) {
      await h.user(name).install();
      const p = await h.bot.db.person.findFirstOrThrow({ where: { name } });
      await morgan.click({ verb: 'roles.grant', personId: p.id, role: 'department_head', departmentId: name === 'Dana Reyes' ? 'parks' : 'streets' });
    }
  });
  afterAll(() => h.stop());

  const rowsAndEvents = async () => ({ events: await h.bot.db.auditEvent.count(), outbox: await h.bot.db.outboxMessage.count(), reviews: await h.bot.db.review.findMany({ orderBy: { id: 'asc' } }) });

  it('REQ-4 review.open and review.decide refuse a staffer and a reviewer of the other stage, showing nothing of the request', async () => {
    const pat = h.user('Pat Parker');
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId);
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
    const before = await rowsAndEvents();
    for (const who of ['Gus Hale', 'Sam Okafor']) {
      const opened = await h.user(who).click({ verb: 'review.open', reviewId: review.id });
      const decided = await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: IT_REVIEW });
      for (const res of [opened, decided]) {
        expect(cardText(res.card)).toContain("You can't do that here");
        expect(cardText(res.card)).toContain('Nothing was changed.');
        expect(cardText(res.card)).not.toMatch(/@MadisonParks|pparker@cityofmadison.com|Pat Parker/);
        expect(cardActions(res.card).map((a) => a.title)).toEqual(['Show what I can do']);
      }
    }
    expect(await rowsAndEvents()).toEqual(before);
    // The IT reviewer still opens it.
    expect(cardText((await h.user('Ivy Tran').click({ verb: 'review.open', reviewId: review.id })).card)).toContain('@MadisonParks');
  });

  it("POL-1 policy.edit refuses a staffer and another department's head an unfiled draft, and changes nothing", async () => {
    const { policyId } = await fillPolicy(h.user('Dana Reyes'), { ...fullPolicy(), p4: 'Parks secret draft wording about the First Amendment review.' });
    const before = await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } });
    const events = await h.bot.db.auditEvent.count();
    for (const who of ['Pat Parker', 'Gus Hale']) {
      const res = await h.user(who).click({ verb: 'policy.edit', policyId, step: 2 });
      expect(cardText(res.card)).toContain("Only the department head, or their policy delegate, files the department's policy.");
      expect(cardText(res.card)).not.toContain('Parks secret draft');
      const step = await h.user(who).click({ verb: 'policy.step', policyId, step: 2, nav: 'save', p3: 'overwritten', p4: 'overwritten' });
      expect(cardText(step.card)).not.toContain('Parks secret draft');
    }
    expect(await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } })).toEqual(before);
    expect(await h.bot.db.auditEvent.count()).toBe(events);
  });

  it('POL-1 a personal-use rule named like a prototype member is refused beside its field and the draft still opens', async () => {
    const dana = h.user('Dana Reyes');
    const { id: policyId } = await h.bot.db.departmentPolicy.findFirstOrThrow({ where: { departmentId: 'parks', status: 'draft' } });
    for (const value of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const res = await dana.click({ verb: 'policy.step', policyId, step: 7, nav: 'next', personalUse: value, personalUseDetail: '' });
      expect(cardText(res.card)).toContain('Choose your rule on personal use of social media while on duty');
    }
    // Saved as typed (a draft keeps anything), it still renders: the summary and the file refusal show it as text.
    await dana.click({ verb: 'policy.step', policyId, step: 7, nav: 'save', personalUse: 'toString', personalUseDetail: '' });
    const opened = await dana.click({ verb: 'policy.edit', policyId, step: 7 });
    expect(cardText(opened.card)).toContain('Step 7 of 7');
    const filed = await dana.click({ verb: 'policy.file', policyId });
    expect(cardText(filed.card)).toContain('It cannot be filed yet');
    expect(cardText(filed.card)).toContain('toString');
  });

  it('REG-1 a platform named "constructor" renders as that name on the registry and its filter', async () => {
    const pat = h.user('Pat Parker');
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    answers[1] = { ...answers[1], platform: 'other', platformOther: 'constructor', handle: '@ProtoParks' };
    const { requestId } = await fillRequest(pat, answers);
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId);
    const it = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });
    await h.user('Ivy Tran').click({ verb: 'review.decide', reviewId: it.id, decision: 'approve' }, { channel: IT_REVIEW });
    const attorney = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'attorney' } });
    await h.user('Sam Okafor').click({ verb: 'review.decide', reviewId: attorney.id, decision: 'approve' });
    const [registry] = await pat.say('registry');
    const text = cardText(registry);
    expect(text).toContain('@ProtoParks');
    expect(text).toContain('constructor');
    expect(text).not.toContain('native code');
    const platform = JSON.stringify(registry).match(/"id":"platform"[^\]]*\]/)?.[0] ?? '';
    expect(platform).toContain('"title":"constructor"');
  });
});

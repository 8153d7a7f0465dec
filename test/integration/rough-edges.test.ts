import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel } from '../harness/teams-client';
import { fillPolicy, fullPolicy, IT_REVIEW, MAYORS_OFFICE, setUpPolicies } from '../harness/policy-flow';
import { fillRequest, parksAnswers } from '../harness/presence-flow';
import { seedLivePresence } from '../harness/freshness-seed';

/** Issue 10, the rough edges seen in the Playground: each test would have caught one of them. */
describe('issue 10: what each person meets in the conversation', () => {
  let h: Harness;
  const user = (name: string) => h.user(name);
  const GENERAL = { channel: channel('General') };

  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUpPolicies(h);
  });
  afterAll(() => h.stop());

  it("POL-2 the Mayor's Office reaches a filed policy from reviews, policy status and view policy, and decides it there", async () => {
    const { policyId } = await fillPolicy(user('Dana Reyes'), fullPolicy());
    await user('Dana Reyes').click({ verb: 'policy.file', policyId });

    const [list] = await user('Chris Avery').say('reviews');
    expect(cardText(list)).toContain('Department policies');
    expect(cardText(list)).toContain('Parks Division, version 1');
    const open = cardActions(list).find((a) => a.verb === 'policy.review')!;
    expect(open).toMatchObject({ title: 'Open', data: { policyId } });
    const opened = await user('Chris Avery').click(open.data);
    expect(cardActions(opened.card).map((a) => a.verb)).toEqual(expect.arrayContaining(['policy.decide']));

    const [status] = await user('Chris Avery').say('policy status');
    expect(cardText(status)).toContain('1 waiting for your decision');
    expect(cardActions(status).map((a) => a.verb)).toContain('reviews.mine');

    const viewed = await user('Chris Avery').click({ verb: 'policy.view', departmentId: 'parks' });
    expect(cardText(viewed.card)).toContain("Filed: waiting for the Mayor's Office");
    expect(cardActions(viewed.card)[0]).toMatchObject({ title: 'Open to decide', verb: 'policy.review' });
    // Staff read the filed version too (POL-2), without the Mayor's Office's button.
    expect(cardActions((await user('Pat Parker').click({ verb: 'policy.view', departmentId: 'parks' })).card).map((a) => a.verb)).not.toContain('policy.review');

    // Decided from the personal chat: the short card, with the next review and the way back.
    const decided = await user('Chris Avery').click({ verb: 'policy.decide', policyId, decision: 'acknowledge' });
    expect(cardText(decided.card)).toContain("You acknowledged Parks Division's policy, version 1");
    expect(cardActions(decided.card).map((a) => a.title)).toEqual(['Next review', 'See the policy', 'Back to reviews']);
    const next = await user('Chris Avery').click({ verb: 'reviews.next' });
    expect(cardText(next.card)).toContain('Nothing else is waiting for your decision.');
  });

  it('REQ-5 and FRESH-2 IT sees site blocks and the IT Director quiet presences in reviews, each with Open', async () => {
    await user('Dana Reyes').click({ verb: 'block.request', departmentId: 'parks', sites: 'tiktok.com', reason: 'Counter staff may not use social media on duty.' });
    const [ivyList] = await user('Ivy Tran').say('reviews');
    expect(cardText(ivyList)).toContain('Block for Parks Division');
    const openBlock = cardActions(ivyList).find((a) => a.verb === 'block.open')!;
    expect(cardText((await user('Ivy Tran').click(openBlock.data)).card)).toContain('tiktok.com');
    // Staff may not open it, whatever the card says.
    expect(cardText((await user('Pat Parker').click(openBlock.data)).card)).toContain('Only IT can act on this request. Nothing was changed.');

    const owner = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    const presenceId = await seedLivePresence(h.bot.db, owner.id, '@QuietParks', new Date(), 120);
    await h.bot.db.freshnessEscalation.create({ data: { presenceId, weekKey: '2026-W49', reason: 'abandoned_days', daysIdle: 120, createdAt: new Date() } });
    const [omarList] = await user('Omar Said').say('reviews');
    expect(cardText(omarList)).toContain('@QuietParks: 120 days without activity');
    const openEscalation = cardActions(omarList).find((a) => a.verb === 'escalation.open')!;
    expect(cardText((await user('Omar Said').click(openEscalation.data)).card)).toContain('@QuietParks');
  });

  it('offers "Did you mean ...?" buttons for typos and other words, not the whole help', async () => {
    const cases: Array<[string, string, string]> = [
      ['Pat Parker', 'my reqeusts', 'requests.mine'],
      ['Pat Parker', 'request presence', 'request.start'],
      ['Pat Parker', 'new account', 'request.start'],
      ['Pat Parker', 'draft post', 'post.start'],
      ['Dana Reyes', 'file policy', 'policy.file.start'],
    ];
    for (const [who, said, verb] of cases) {
      const [reply] = await user(who).say(said);
      expect({ said, text: cardText(reply) }).toEqual({ said, text: expect.stringContaining(`I didn't understand "${said}". Did you mean`) });
      expect({ said, first: cardActions(reply)[0]?.verb }).toEqual({ said, first: verb });
      expect(cardActions(reply).length).toBeLessThanOrEqual(4);
    }
    // Only what this person may do is offered: staff are not offered filing a policy.
    const [staff] = await user('Pat Parker').say('file policy');
    expect(cardActions(staff).map((a) => a.verb)).not.toContain('policy.file.start');
  });

  it('help is short and grouped: only what this person may do, three buttons at most, the rest one click away', async () => {
    const [staff] = await user('Pat Parker').say('help');
    expect(staff.actions.length).toBeLessThanOrEqual(3);
    expect(staff.actions.at(-1)).toMatchObject({ type: 'Action.ToggleVisibility', title: 'Show everything' });
    expect(cardText(staff)).toContain('Accounts');
    // Staff cannot read policy status or review anything, so neither is offered.
    expect(cardActions(staff).map((a) => a.verb)).not.toEqual(expect.arrayContaining(['policy.status']));
    expect(cardActions(staff).map((a) => a.verb)).not.toContain('reviews.mine');
    const [mayor] = await user('Chris Avery').say('help');
    expect(cardActions(mayor).map((a) => a.verb)).toEqual(expect.arrayContaining(['reviews.mine', 'policy.status']));
  });

  it('keeps drafts in the personal chat: in a channel my requests and Continue show no draft, and offer the personal chat', async () => {
    const pat = user('Pat Parker');
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    for (const reply of [(await pat.say('my requests', GENERAL))[0], (await pat.click({ verb: 'request.open', requestId }, GENERAL)).card]) {
      expect(cardText(reply)).toContain('in your personal chat with Social Steward');
      expect(JSON.stringify(reply)).not.toContain('@MadisonParks');
      expect(JSON.stringify(reply)).not.toContain(requestId);
      expect(reply.actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Open personal chat', url: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=28%3A/) });
    }
    for (const command of ['file our policy', 'block social media', 'draft a post']) {
      const [reply] = await user('Dana Reyes').say(command, GENERAL);
      expect({ command, text: cardText(reply) }).toEqual({ command, text: expect.stringContaining('in your personal chat') });
      expect(cardActions(reply)).toHaveLength(0);
    }
  });

  it('discards a draft only from its confirm card: it leaves my requests, and the discard is audited', async () => {
    const pat = user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = cardActions(first)[0].data.requestId as string;
    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'save', handle: '@ParksToDiscard' });
    const [list] = await pat.say('my requests');
    const discard = cardActions(list).find((a) => a.verb === 'request.discard' && a.data.requestId === requestId)!;
    expect(discard.title).toBe('Discard');

    const asked = await pat.click(discard.data);
    expect(cardText(asked.card)).toContain('Discard this draft?');
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('draft');
    // Someone else's confirmed click changes nothing.
    await user('Dana Reyes').click({ verb: 'request.discard', requestId, confirmed: true });
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('draft');

    const yes = cardActions(asked.card).find((a) => a.title === 'Yes, discard')!;
    const after = await pat.click(yes.data);
    expect(cardText(after.card)).toContain('Draft discarded.');
    expect(cardText(after.card)).not.toContain('@ParksToDiscard');
    expect(cardText((await pat.say('my requests'))[0])).not.toContain('@ParksToDiscard');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'request.discarded', entityId: requestId } })).toBe(1);
  });

  it('asks before Revoke: the plain button brings a confirm card, and only its Yes revokes', async () => {
    const grant = await h.bot.db.roleGrant.findFirstOrThrow({ where: { role: 'it_reviewer', revokedAt: null } });
    const [roles] = await user('Morgan Lee').say('roles');
    const revoke = roles.body.flatMap(function all(e: any): any[] { return [e, ...(e.items ?? []), ...(e.columns ?? []).flatMap(all), ...(e.items ?? []).flatMap(all)]; })
      .flatMap((e: any) => e.actions ?? []).find((a: any) => a.title === 'Revoke' && a.data?.grantId === grant.id);
    expect(revoke).toMatchObject({ type: 'Action.Execute' });
    expect(revoke.style).toBeUndefined();
    const asked = await user('Morgan Lee').click(revoke.data);
    expect(cardText(asked.card)).toContain('Ivy Tran will no longer hold IT reviewer');
    expect((await h.bot.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
    await user('Morgan Lee').click(cardActions(asked.card).find((a) => a.title === 'Yes, revoke')!.data);
    expect((await h.bot.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).not.toBeNull();
  });

  it('"Back to help" on the department pickers needs no department chosen', async () => {
    const [picker] = await user('Pat Parker').say('view policy');
    const back = picker.actions.find((a: any) => a.title === 'Back to help');
    expect(back).toMatchObject({ type: 'Action.Execute', verb: 'help.show', associatedInputs: 'none' });
    const res = await user('Pat Parker').click({ verb: 'help.show' });
    expect(cardText(res.card)).toContain('What you can do');
  });
});

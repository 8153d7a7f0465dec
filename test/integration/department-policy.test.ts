import { Harness } from '../harness/bot-harness';
import { cardActions, cardText } from '../harness/teams-client';
import { fillPolicy, fullPolicy, MAYORS_OFFICE, IT_REVIEW, postsTo, setUpPolicies } from '../harness/policy-flow';
import { verifyAuditTrail } from '../../src/records/audit';
import { POLICY_STEPS } from '../../src/domain/policy-points';

describe('POL-1..POL-3 department social media policies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUpPolicies(h);
  });
  afterAll(() => h.stop());

  const dana = () => h.user('Dana Reyes');
  const chris = () => h.user('Chris Avery');

  it("POL-1 files all twelve points, posts to the Mayor's Office with a copy to the IT Director, and the acknowledgement is told to the filer", async () => {
    const [first] = await dana().say('file our policy');
    expect(cardText(first)).toContain('Step 1 of 7 · Points 1 and 2 of 12');
    expect(cardText(first)).toContain('Approving authority\nDana Reyes');

    const { policyId, card } = await fillPolicy(dana(), fullPolicy());
    expect(cardText(card)).toContain("Read it through, then file it with the Mayor's Office");
    const filed = await dana().click({ verb: 'policy.file', policyId });
    // Issue 10: the short card after File; the version as filed is one click away.
    expect(cardText(filed.card)).toContain("Filed version 1 with the Mayor's Office");
    expect(cardText((await dana().click(cardActions(filed.card)[0].data)).card)).toContain("Filed: waiting for the Mayor's Office");

    await h.connector.waitFor((c) => c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === MAYORS_OFFICE.id);
    const [posted] = postsTo(h, MAYORS_OFFICE);
    expect(cardText(posted.card)).toContain('Parks Division social media policy, version 1');
    expect(cardText(posted.card)).toContain('Point 12 · External-link disclaimer');
    expect(cardActions(posted.card).map((a) => a.title)).toEqual(['Acknowledge', 'Return to department']);
    await h.connector.waitFor((c) => c.conversationId === h.user('Omar Said').personalConversationId() && c.body?.summary === 'Copy of a department social media policy');

    const ack = await chris().click({ verb: 'policy.decide', policyId, decision: 'acknowledge' }, { channel: MAYORS_OFFICE });
    expect(cardText(ack.card)).toContain("You acknowledged Parks Division's policy, version 1");
    expect(cardText((await chris().click(cardActions(ack.card)[0].data, { channel: MAYORS_OFFICE })).card)).toMatch(/Acknowledged by Chris Avery on/);
    await h.connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body ?? null).includes('Acknowledged by Chris Avery'));
    await h.connector.waitFor((c) => c.conversationId === dana().personalConversationId() && c.body?.summary === "The Mayor's Office acknowledged your policy");

    const view = await h.user('Pat Parker').click({ verb: 'policy.view', departmentId: 'parks' });
    expect(cardText(view.card)).toContain("Acknowledged by the Mayor's Office");
    expect(cardText(view.card)).toContain('Parks: We use social media to announce events');
    expect(JSON.stringify(view.card)).not.toContain('Action.OpenUrl');
  });

  it('POL-1 the filer gets the policy as a document through a signed link that cannot be altered', async () => {
    const view = await dana().click({ verb: 'policy.view', departmentId: 'parks' });
    const link = view.card.actions.find((a: any) => a.type === 'Action.OpenUrl' && a.title === 'Get as a document');
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/documents\/policies\/[0-9a-f-]+\?expires=\d+&sig=/);
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Parks Division: social media policy, version 1');
    expect(html).toContain('12. External-link disclaimer');
    // Another first character of the signature, whatever it was (a fixed 'x' would be no change one time in 64).
    expect((await fetch(link.url.replace(/sig=(.)/, (_m: string, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`))).status).toBe(403);
    expect((await fetch(link.url.replace(/expires=\d+/, 'expires=9999999999'))).status).toBe(403);
    // REC-1: issuing the link and each opening are on record, by the person it was issued to; refused tries are not.
    const policyId = link.url.match(/policies\/([0-9a-f-]+)/)[1];
    const events = await h.bot.db.auditEvent.findMany({ where: { entityId: policyId, action: { in: ['policy.document_link_issued', 'policy.document_opened'] } }, orderBy: { seq: 'asc' } });
    expect(events.at(-1)).toMatchObject({ action: 'policy.document_opened', actorName: 'Dana Reyes' });
    expect(events.filter((e) => e.action === 'policy.document_opened')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'policy.document_link_issued').length).toBeGreaterThanOrEqual(1);
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set(['Dana Reyes']));
  });

  it('POL-1 refuses to file a policy that leaves points empty or thin, naming them', async () => {
    const answers = { ...fullPolicy(), p4: '', p9: 'We answer them.', p12: '' };
    const { policyId } = await fillPolicyViaSave(h, answers);
    const res = await dana().click({ verb: 'policy.file', policyId });
    expect(cardText(res.card)).toContain('It cannot be filed yet. Points 4, 9, 12 still need work');
    expect((await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } })).status).toBe('draft');
    const step = await dana().click({ verb: 'policy.step', policyId, step: 5, nav: 'next', p9: 'We answer them.', p10: fullPolicy().p10 });
    expect(cardText(step.card)).toContain('Point 9 (Public records requests) is too thin');
  });

  it('POL-2 return with comments, revise, refile as version 2 with what changed, acknowledge; both versions kept', async () => {
    const draft = await h.bot.db.departmentPolicy.findFirstOrThrow({ where: { departmentId: 'parks', status: 'draft' } });
    for (let step = 1; step <= 7; step++) {
      const values = Object.fromEntries(Object.entries(fullPolicy()).filter(([k]) => POLICY_STEPS[step - 1].includes(k)));
      await dana().click({ verb: 'policy.step', policyId: draft.id, step, nav: 'next', ...values });
    }
    await dana().click({ verb: 'policy.file', policyId: draft.id });
    const v2 = await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: draft.id } });
    expect(v2.number).toBe(2);

    const noComment = await chris().click({ verb: 'policy.decide', policyId: v2.id, decision: 'return', comments: '' }, { channel: MAYORS_OFFICE });
    expect(cardText(noComment.card)).toContain('Write your comments');
    await chris().click({ verb: 'policy.decide', policyId: v2.id, decision: 'return', comments: 'Point 9 needs a named records custodian.' }, { channel: MAYORS_OFFICE });
    await h.connector.waitFor((c) => c.conversationId === dana().personalConversationId() && c.body?.summary === "The Mayor's Office returned your policy");

    const [revise] = await dana().say('file our policy');
    expect(cardText(revise)).toContain("The Mayor's Office returned the last version: Point 9 needs a named records custodian.");
    const policyId = cardActions(revise).find((a) => a.verb === 'policy.step')!.data.policyId;
    await dana().click({ verb: 'policy.edit', policyId, step: 5 });
    await dana().click({ verb: 'policy.step', policyId, step: 5, nav: 'save', p9: 'Requests go to Alex Kim, the Parks records custodian, who exports the history.', p10: fullPolicy().p10 });
    await dana().click({ verb: 'policy.file', policyId });
    const v3 = await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } });
    expect(v3.number).toBe(3);
    await h.connector.waitFor((c) => c.path === '/v3/conversations' && JSON.stringify(c.body ?? null).includes('version 3'));
    const card3 = postsTo(h, MAYORS_OFFICE).find((p) => cardText(p.card).includes('version 3'))!.card;
    expect(cardText(card3)).toContain('Point 9, Public records requests: changed');

    await chris().click({ verb: 'policy.decide', policyId, decision: 'acknowledge' }, { channel: MAYORS_OFFICE });
    const versions = await h.user('Pat Parker').click({ verb: 'policy.versions', departmentId: 'parks' });
    expect(cardText(versions.card)).toMatch(/Version 3\nAcknowledged[\s\S]*Version 2\nReturned for revision[\s\S]*Version 1\nAcknowledged/);
  });

  it('POL-1/POL-2 a staffer cannot file or acknowledge', async () => {
    const [reply] = await h.user('Pat Parker').say('file our policy');
    expect(cardText(reply)).toContain("Only a department head, or their policy delegate, files the department's policy");
    const { policyId } = await fillPolicy(dana(), fullPolicy());
    await dana().click({ verb: 'policy.file', policyId });
    const res = await h.user('Pat Parker').click({ verb: 'policy.decide', policyId, decision: 'acknowledge' }, { channel: MAYORS_OFFICE });
    expect(cardText(res.card)).toContain("Only the Mayor's Office acknowledges or returns department policies. Nothing was changed.");
    expect((await h.bot.db.departmentPolicy.findUniqueOrThrow({ where: { id: policyId } })).status).toBe('filed');
    await chris().click({ verb: 'policy.decide', policyId, decision: 'acknowledge' }, { channel: MAYORS_OFFICE });
  });

  it('POL-2 concurrent acknowledge and return clicks give one outcome', async () => {
    const { policyId } = await fillPolicy(dana(), { ...fullPolicy(), p1: 'Parks: we also use social media for emergency closures of beaches and trails.' });
    await dana().click({ verb: 'policy.file', policyId });
    const clicks = Array.from({ length: 12 }, (_, i) => h.user(i % 2 ? 'Chris Avery' : 'Gina Cole').click({ verb: 'policy.decide', policyId, decision: i % 3 ? 'acknowledge' : 'return', comments: 'Please revise point 1.' }, { channel: MAYORS_OFFICE }));
    const results = await Promise.all(clicks);
    expect(await h.bot.db.auditEvent.count({ where: { action: 'policy.decided', entityId: policyId } })).toBe(1);
    expect(results.filter((r) => cardText(r.card).includes('did not change anything'))).toHaveLength(11);
  });

  it("POL-3 shows the Mayor's Office every department, and a department head their own with the next step", async () => {
    const [all] = await chris().say('policy status');
    const text = cardText(all);
    expect(text).toMatch(/of 28 departments have an acknowledged policy/);
    expect(text).toMatch(/Parks Division\nVersion 5 (acknowledged|returned)|Parks Division\nVersion 5 returned for revision/);
    expect(text).toMatch(/Streets Division\nNever filed/);
    expect(text).toContain('First filed after the January 1, 2013 deadline');

    const [own] = await dana().say('policy status');
    expect(cardText(own)).toContain('Parks Division');
    expect(cardText(own)).not.toContain('Streets Division');
    const [staff] = await h.user('Pat Parker').say('policy status');
    expect(cardText(staff)).toContain('Policy status is for department heads');
  });

  it('REQ-5 a department head asks IT to block sites; IT declines with a reason or marks it done, and the head is told', async () => {
    const [form] = await dana().say('block social media');
    expect(cardText(form)).toContain('Ask IT to block employee access to social media sites for Parks Division');
    const bad = await dana().click({ verb: 'block.request', departmentId: 'parks', sites: '', reason: 'x' });
    expect(cardText(bad.card)).toContain('List the sites to block');
    await dana().click({ verb: 'block.request', departmentId: 'parks', sites: 'tiktok.com, facebook.com', reason: 'Counter staff may not use social media on duty.' });
    await h.connector.waitFor((c) => c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === IT_REVIEW.id);
    const block = await h.bot.db.accessBlockRequest.findFirstOrThrow();

    const staff = await h.user('Pat Parker').click({ verb: 'block.decide', blockId: block.id, decision: 'done' }, { channel: IT_REVIEW });
    expect(cardText(staff.card)).toContain('Only IT can act on this request. Nothing was changed.');
    const done = await h.user('Ivy Tran').click({ verb: 'block.decide', blockId: block.id, decision: 'done' }, { channel: IT_REVIEW });
    expect(cardText(done.card)).toContain('You marked the block as done');
    expect(cardText((await h.user('Ivy Tran').click(cardActions(done.card)[0].data, { channel: IT_REVIEW })).card)).toMatch(/Blocked by Ivy Tran on/);
    await h.connector.waitFor((c) => c.conversationId === dana().personalConversationId() && c.body?.summary === 'IT blocked the sites you asked for');
    const staffAsk = await h.user('Pat Parker').say('block social media');
    expect(cardText(staffAsk[0])).toContain('Only a department head can ask IT');
  });

  it('REC-1 every step is audited and the chain verifies', async () => {
    const actions = new Set((await h.bot.db.auditEvent.findMany({ select: { action: true } })).map((e) => e.action));
    for (const a of ['policy.draft_started', 'policy.draft_saved', 'policy.filed', 'policy.decided', 'access_block.requested', 'access_block.decided']) expect(actions).toContain(a);
    expect(await verifyAuditTrail(h.bot.db)).toMatchObject({ ok: true });
  });
});

/** Saves every step without validating, as someone who stops halfway would. */
async function fillPolicyViaSave(h: Harness, answers: Record<string, string>) {
  const [first] = await h.user('Dana Reyes').say('file our policy');
  const policyId = first.actions.find((a: any) => a.verb === 'policy.step').data.policyId as string;
  for (let step = 1; step <= POLICY_STEPS.length; step++) {
    const values = Object.fromEntries(POLICY_STEPS[step - 1].map((f) => [f, answers[f] ?? '']));
    await h.user('Dana Reyes').click({ verb: 'policy.step', policyId, step, nav: 'save', ...values });
  }
  return { policyId };
}

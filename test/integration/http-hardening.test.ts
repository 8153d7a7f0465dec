import { Harness } from '../harness/bot-harness';
import { fillPolicy, fullPolicy, setUpPolicies } from '../harness/policy-flow';
import { signDocumentPath } from '../../src/records/document-links';
import { policyDocumentPath } from '../../src/server/document-route';

describe('hardening at the HTTP boundary', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUpPolicies(h);
  }, 60_000);
  afterAll(() => h.stop());

  it('answers a text/csv body with 415 and runs no turn', async () => {
    const before = await h.bot.db.auditEvent.count();
    const res = await fetch(`${h.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'type,text\nmessage,help\n' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toContain('application/json');
    expect(await h.bot.db.auditEvent.count()).toBe(before);
  });

  it('answers an invoke with no name with 400 saying a name is needed (not 501)', async () => {
    const pat = h.user('Pat Parker');
    const res = await pat.post(pat.activity('invoke', { personal: true }, { value: { action: { type: 'Action.Execute', verb: 'help.show' } } }));
    expect(res.status).toBe(400);
    expect(res.body.problems.join(' ')).toContain('name: an invoke activity needs a name');
  });

  it('POL-1 the policy document page forbids scripts, framing, sniffing and referrers', async () => {
    const dana = h.user('Dana Reyes');
    const { policyId } = await fillPolicy(dana, fullPolicy());
    await dana.click({ verb: 'policy.file', policyId });
    const view = await dana.click({ verb: 'policy.version', policyId });
    const link = view.card.actions.find((a: any) => a.type === 'Action.OpenUrl' && a.title === 'Get as a document');
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('POL-1 a signed document link stops working once its holder loses the role (403), and cannot be moved to someone else', async () => {
    const dana = h.user('Dana Reyes');
    const policy = await h.bot.db.departmentPolicy.findFirstOrThrow({ where: { departmentId: 'parks', number: { not: null } } });
    const link = (await dana.click({ verb: 'policy.version', policyId: policy.id })).card.actions.find((a: any) => a.title === 'Get as a document');
    expect((await fetch(link.url)).status).toBe(200);
    const chris = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Chris Avery' } });
    expect((await fetch(link.url.replace(/holder=[^&]+/, `holder=${chris.id}`))).status).toBe(403);

    const danaId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } })).id;
    const grant = await h.bot.db.roleGrant.findFirstOrThrow({ where: { personId: danaId, role: 'department_head' } });
    await h.user('Morgan Lee').click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    const res = await fetch(link.url);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('social media policy, version');
    // Dana, filer of the policy but no longer head, is not offered a new link either.
    const again = await dana.click({ verb: 'policy.version', policyId: policy.id });
    expect(JSON.stringify(again.card)).not.toContain('Get as a document');
  });

  it('REQ-1 "request a presence" twice reuses the empty draft instead of making another', async () => {
    const pat = h.user('Pat Parker');
    const patId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } })).id;
    const first = await pat.click({ verb: 'request.start' });
    const second = await pat.click({ verb: 'request.start' });
    await pat.say('request a presence');
    const drafts = await h.bot.db.presenceRequest.findMany({ where: { requesterId: patId } });
    expect(drafts).toHaveLength(1);
    expect(JSON.stringify(second.card)).toContain(drafts[0].id);
    expect(JSON.stringify(first.card)).toContain(drafts[0].id);
  });
});

describe('server errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    // The tables come back, so the harness's records check at stop reads the database as the tests left it.
    for (const table of ['AuthVersion', 'Person', 'OutboxMessage', 'DepartmentPolicy']) await h.bot.db.$executeRawUnsafe(`ALTER TABLE "${table}Gone" RENAME TO "${table}"`).catch(() => undefined);
    await h.stop();
  });

  it('a turn that fails while Teams throttles its apology still answers 200 in time, and the apology is queued', async () => {
    const pat = h.user('Pat Parker');
    await pat.install();
    // The table every turn reads first is gone (the actor is remembered while AuthVersion holds, so renaming Person
    // alone would not fail a turn): every turn fails before any handler runs.
    await h.bot.db.$executeRawUnsafe('ALTER TABLE "AuthVersion" RENAME TO "AuthVersionGone"');
    h.connector.script((c) => c.conversationId === pat.personalConversationId(), { status: 429, headers: { 'retry-after': '30' } }, 1);
    const started = Date.now();
    const res = await pat.post(pat.activity('message', { personal: true }, { text: 'help' }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.status === 200 && JSON.stringify(c.body ?? null).includes('Sorry, something went wrong'), { timeoutMs: 15_000 });
  }, 30_000);

  it('answers 500 with a generic message and an id, and logs the detail under that id', async () => {
    const pat = h.user('Pat Parker');
    // A turn that fails outside any handler while Teams throttles its apology, which cannot be queued either (the
    // outbox table is gone too): the adapter answers 500 itself.
    await h.bot.db.$executeRawUnsafe('ALTER TABLE "OutboxMessage" RENAME TO "OutboxMessageGone"');
    h.connector.script((c) => c.conversationId === pat.personalConversationId(), { status: 429, headers: { 'retry-after': '30' }, body: { error: { code: 'Throttled', message: 'secret-detail-from-teams' } } }, 10);
    const res = await pat.post(pat.activity('message', { personal: true }, { text: 'help' }));
    expect(res.status).toBe(500);
    expect(Object.keys(res.body).sort()).toEqual(['correlationId', 'error']);
    expect(res.body.error).toBe('Social Steward could not handle this request.');
    expect(JSON.stringify(res.body)).not.toMatch(/secret-detail|Person|Outbox|prisma|file:/i);
    expect(h.logLines.some((l) => l.includes(res.body.correlationId) && l.includes('adapter answered with a server error'))).toBe(true);
  });

  it('a route that fails answers 500 with the generic message, not the database error', async () => {
    await h.bot.db.$executeRawUnsafe('ALTER TABLE "DepartmentPolicy" RENAME TO "DepartmentPolicyGone"');
    const link = signDocumentPath(h.bot.config.credentialKey!, policyDocumentPath('5d7c825d-3e82-4a5c-bb95-9ae8cfbb0254'), 'someone', new Date());
    const res = await fetch(`${h.bot.url}${link}`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; correlationId: string };
    expect(body.error).toBe('Social Steward could not handle this request.');
    expect(JSON.stringify(body)).not.toMatch(/DepartmentPolicy|table|prisma/i);
    expect(h.logLines.some((l) => l.includes(body.correlationId) && l.includes('DepartmentPolicy'))).toBe(true);
  });
});

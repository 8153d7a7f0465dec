import { Harness } from '../harness/bot-harness';
import { fillRequest, parksAnswers, setUp } from '../harness/presence-flow';

const input = (card: any, id: string) => JSON.parse(JSON.stringify(card.body)).find((e: any) => e.id === id);
const requestIdOf = (card: any) => JSON.stringify(card).match(/"requestId":"([0-9a-f-]{36})"/)![1];

/** Issue 10: a new request starts with what the bot knows: name and e-mail from Teams, department and title from the last request. */
describe('REQ-1 request prefill (issue 10)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
  });
  afterAll(() => h.stop());

  it("prefills the requester's name and the e-mail Teams gives, and records what was prefilled", async () => {
    const pat = h.user('Pat Parker');
    // TeamsInfo.getMember: Teams answers with the member's profile (the Playground does too).
    h.connector.script((c) => c.method === 'GET' && c.path.includes('/members/'), { status: 200, body: { id: pat.teamsId, name: 'Pat Parker', email: 'pparker@cityofmadison.com', userPrincipalName: 'pparker@cityofmadison.com' } });
    const [first] = await pat.say('request a presence');
    const requestId = requestIdOf(first);
    const step3 = (await pat.click({ verb: 'request.edit', requestId, step: 3 })).card;
    expect(input(step3, 'staffName').value).toBe('Pat Parker');
    expect(input(step3, 'staffContact').value).toBe('pparker@cityofmadison.com');
    expect(input(step3, 'staffTitle').value).toBeUndefined();
    const started = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'request.started', entityId: requestId } });
    expect(JSON.parse(started.data).prefilled.sort()).toEqual(['staffContact', 'staffName']);
    // Pressing the button again reuses the untouched draft rather than piling up another.
    const [again] = await pat.say('request a presence');
    expect(requestIdOf(again)).toBe(requestId);
  });

  it('takes the department and title from the last request, and works when Teams does not answer', async () => {
    const pat = h.user('Pat Parker');
    const drafts = await h.bot.db.presenceRequest.findMany({ where: { status: 'draft' } });
    await h.bot.db.presenceRequest.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { status: 'cancelled' } });
    const { requestId } = await fillRequest(pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    await pat.click({ verb: 'request.submit', requestId });
    h.connector.script((c) => c.method === 'GET' && c.path.includes('/members/'), { status: 500 });
    const [next] = await pat.say('request a presence');
    expect(requestIdOf(next)).not.toBe(requestId);
    expect(input(next, 'departmentId').value).toBe('parks');
    const step3 = (await pat.click({ verb: 'request.edit', requestId: requestIdOf(next), step: 3 })).card;
    expect(input(step3, 'staffTitle').value).toBe('Community Outreach Coordinator');
    expect(input(step3, 'staffName').value).toBe('Pat Parker');
    expect(input(step3, 'staffContact').value).toBeUndefined();
  });
});

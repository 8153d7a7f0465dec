import { randomUUID } from 'node:crypto';
import { aadFor, Harness } from '../harness/bot-harness';
import { cardText, channel } from '../harness/teams-client';

const IT_REVIEW = { channel: channel('IT review') };
const input = (card: any, id: string) => JSON.parse(JSON.stringify(card.body)).find((e: any) => e.id === id);

/** Issue 10, cards at City scale: people and departments are chosen by typeahead, and the server resolves every choice. */
describe('people picker and typeahead (issue 10)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    for (const name of ['Pat Parker', 'Ivy Tran', 'Dana Reyes', 'Sam Okafor']) await h.user(name).install();
    // A City's worth of names the bot has met: more than any card may list.
    await h.bot.db.person.createMany({ data: Array.from({ length: 40 }, (_, i) => ({ aadObjectId: randomUUID(), name: `Lee Employee ${String(i).padStart(2, '0')}` })) });
  });
  afterAll(() => h.stop());

  it('answers the departments dataset with at most 15 matches, for anyone, in a channel too', async () => {
    const parks = await h.user('Pat Parker').search('departments', 'park');
    expect(parks.status).toBe(200);
    expect(parks.body.type).toBe('application/vnd.microsoft.search.searchResponse');
    expect(parks.results!.map((r) => r.title)).toContain('Parks Division');
    const all = await h.user('Ivy Tran').search('departments', '', IT_REVIEW, 50);
    expect(all.results).toHaveLength(15);
  });

  it('answers the people dataset in a personal chat only, capped at 15, and names no one in a channel', async () => {
    const lees = await h.user('Pat Parker').search('people', 'lee employee');
    expect(lees.results).toHaveLength(15);
    expect(lees.results![0]).toEqual({ title: 'Lee Employee 00', value: expect.any(String) });
    const dana = await h.user('Pat Parker').search('people', 'DANA');
    expect(dana.results!.map((r) => r.title)).toEqual(['Dana Reyes']);
    const inChannel = await h.user('Pat Parker').search('people', 'dana', IT_REVIEW);
    expect(inChannel.results).toEqual([]);
  });

  it('answers an unknown dataset or a malformed query with no results, never an unanswered invoke', async () => {
    expect((await h.user('Pat Parker').search('secrets', 'x')).results).toEqual([]);
    expect((await h.user('Pat Parker').search('people', 'x'.repeat(5000))).results).toEqual([]);
  });

  it('the request and grant cards never list everyone: a typeahead over the bot people, and a typed-name fallback', async () => {
    const pat = h.user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = JSON.stringify(first).match(/"requestId":"([0-9a-f-]{36})"/)![1];
    const step3 = (await pat.click({ verb: 'request.edit', requestId, step: 3 })).card;
    const approver = input(step3, 'approverId');
    expect(approver.style).toBe('filtered');
    expect(approver['choices.data']).toEqual({ type: 'Data.Query', dataset: 'people', count: 15 });
    expect(approver.choices.length).toBeLessThanOrEqual(15);
    expect(input(step3, 'approverIdTyped').label).toContain('Not listed?');
    expect(input(step3, 'spokespersonIds').isMultiSelect).toBe(true);

    const grant = (await h.user('Morgan Lee').click({ verb: 'roles.grant.start' })).card;
    expect(input(grant, 'personId')['choices.data'].dataset).toBe('people');
    expect(input(grant, 'personId').choices.length).toBeLessThanOrEqual(15);
  });

  it('matches a typed name on the server, and sends back one that matches no one or several, saving nothing', async () => {
    const pat = h.user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = JSON.stringify(first).match(/"requestId":"([0-9a-f-]{36})"/)![1];
    const answers = async () => (await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).answers;
    const before = await answers();
    const none = (await pat.click({ verb: 'request.step', requestId, step: 3, nav: 'save', approverIdTyped: 'Nobody Atall', staffName: 'Pat Parker' })).card;
    expect(cardText(none)).toContain('No one called "Nobody Atall" has used Social Steward yet');
    expect(input(none, 'approverIdTyped').value).toBe('Nobody Atall');
    expect(input(none, 'staffName').value).toBe('Pat Parker');
    const several = (await pat.click({ verb: 'request.step', requestId, step: 3, nav: 'save', spokespersonIdsTyped: 'Lee Employee' })).card;
    expect(cardText(several)).toContain('Several people match "Lee Employee" (Lee Employee 00, Lee Employee 01');
    expect(await answers()).toBe(before);

    await pat.click({ verb: 'request.step', requestId, step: 3, nav: 'save', approverIdTyped: 'dana reyes', spokespersonIdsTyped: 'Ivy Tran; Sam Okafor' });
    const saved = JSON.parse((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).answers);
    const id = async (name: string) => (await h.bot.db.person.findFirstOrThrow({ where: { name } })).id;
    expect(saved.approverId).toBe(await id('Dana Reyes'));
    expect(saved.spokespersonIds).toBe([await id('Ivy Tran'), await id('Sam Okafor')].join(','));
    const again = (await pat.click({ verb: 'request.edit', requestId, step: 3 })).card;
    // The chosen people are among the card's choices, so Teams shows them by name.
    expect(input(again, 'approverId').value).toBe(await id('Dana Reyes'));
    expect(input(again, 'approverId').choices.slice(0, 3)).toEqual(expect.arrayContaining([{ title: 'Dana Reyes', value: await id('Dana Reyes') }, { title: 'Sam Okafor', value: await id('Sam Okafor') }]));
  });

  it("takes an Entra object id from Teams' people picker: an unknown one becomes a person, recorded with who chose them", async () => {
    const newcomer = aadFor('Nia Brooks');
    const res = (await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: newcomer, role: 'it_reviewer' })).card;
    expect(cardText(res)).toContain('Teams user (not yet met) is now IT reviewer');
    const person = await h.bot.db.person.findUniqueOrThrow({ where: { aadObjectId: newcomer } });
    expect(await h.bot.db.roleGrant.count({ where: { personId: person.id, role: 'it_reviewer', revokedAt: null } })).toBe(1);
    const added = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'person.placeholder_added', entityId: person.id } });
    expect(added.actorName).toBe('Morgan Lee');
    // When they first talk to the bot, Teams' name replaces the placeholder.
    await h.user('Nia Brooks').say('help');
    expect((await h.bot.db.person.findUniqueOrThrow({ where: { aadObjectId: newcomer } })).name).toBe('Nia Brooks');
    expect(await h.bot.db.person.count({ where: { aadObjectId: newcomer } })).toBe(1);
  });

  it('refuses a forged grant by a staffer before anything is looked up: no person is added', async () => {
    const people = await h.bot.db.person.count();
    const res = (await h.user('Pat Parker').click({ verb: 'roles.grant', personId: randomUUID(), role: 'admin' })).card;
    expect(cardText(res)).toContain('Only an admin can grant roles');
    expect(await h.bot.db.person.count()).toBe(people);
  });

  it('refuses a value that is not a person at all, and a typed name for a grant that matches no one', async () => {
    const morgan = h.user('Morgan Lee');
    const bad = (await morgan.click({ verb: 'roles.grant', personId: 'not-a-guid', role: 'it_reviewer' })).card;
    expect(cardText(bad)).toContain('Choose the person from the list');
    const typed = (await morgan.click({ verb: 'roles.grant', personIdTyped: 'Zed Nobody', role: 'it_reviewer' })).card;
    expect(cardText(typed)).toContain('No one called "Zed Nobody"');
    expect(input(typed, 'personIdTyped').value).toBe('Zed Nobody');
    const ok = (await morgan.click({ verb: 'roles.grant', personIdTyped: 'Sam Okafor', role: 'city_attorney' })).card;
    expect(cardText(ok)).toContain('Sam Okafor is now City Attorney');
  });
});

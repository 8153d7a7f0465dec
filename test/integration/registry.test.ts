import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel, type TeamsUser } from '../harness/teams-client';
import { fillRequest, parksAnswers, setUp, IT_REVIEW, CITY_ATTORNEY, approveAsAuthority, grantApprover } from '../harness/presence-flow';
import { verifyAuditTrail } from '../../src/records/audit';
import { REASON_INPUT } from '../../src/verbs/registry';

const LOGIN = 'parks-social-login@cityofmadison.com';
const PASSWORD = 'Gr33n-Meadow-Tr41l-s3cret';
const PARKS_TEAM = channel('Parks team');

/** A presence approved through the real flow: submitted, approved by IT (Ivy), then the City Attorney (Sam). */
async function approvedPresence(h: Harness, requester: TeamsUser, answers: Record<number, Record<string, string>>) {
  const { requestId } = await fillRequest(requester, answers);
  await requester.click({ verb: 'request.submit', requestId });
  await approveAsAuthority(h, requestId);
  for (const [stage, who, where] of [['it', 'Ivy Tran', IT_REVIEW], ['attorney', 'Sam Okafor', CITY_ATTORNEY]] as const) {
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage } });
    await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: where });
  }
  return h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
}

const titles = (card: any) => cardActions(card).map((a) => a.title);
const events = (h: Harness, action: string) => h.bot.db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
const dataOf = (e: { data: string }) => JSON.parse(e.data);

describe('Registry of presences: REG-1 record, REG-2 logins, REG-5 notice, FRESH-3 IT actions', () => {
  let h: Harness;
  let pat: TeamsUser; // the owner
  let dana: TeamsUser; // staff, neither owner nor IT
  let ivy: TeamsUser; // IT reviewer
  let parks: { id: string; requestId: string };
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, dana, ivy] = [h.user('Pat Parker'), h.user('Dana Reyes'), h.user('Ivy Tran')];
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    parks = await approvedPresence(h, pat, answers);
    await grantApprover(h, 'Dana Reyes', 'library');
    await approvedPresence(h, pat, { ...answers, 1: { ...answers[1], departmentId: 'library', platform: 'facebook', handle: '@MadisonLibrary' } });
  });
  afterAll(() => h.stop());

  const open = async (who: TeamsUser, place = { personal: true } as const) => (await who.click({ verb: 'presence.open', presenceId: parks.id }, place)).card;
  const presence = () => h.bot.db.presence.findUniqueOrThrow({ where: { id: parks.id } });

  it('REG-1 the registry lists every presence, for everyone, and filters by department, platform and state', async () => {
    expect(cardText((await dana.say('help'))[0])).toContain('Registry');
    const all = cardText((await dana.say('registry'))[0]);
    for (const s of ['2 presences in the registry', '@MadisonParks', '@MadisonLibrary', 'Instagram · Parks Division · Approved, not yet live']) expect(all).toContain(s);

    const byDept = cardText((await dana.click({ verb: 'registry.filter', departmentId: 'parks', platform: 'any', state: 'any' })).card);
    expect(byDept).toContain('1 presence matches these filters');
    expect(byDept).not.toContain('@MadisonLibrary');
    const byPlatform = cardText((await dana.click({ verb: 'registry.filter', departmentId: 'any', platform: 'facebook', state: 'any' })).card);
    expect(byPlatform).toContain('@MadisonLibrary');
    expect(byPlatform).not.toContain('@MadisonParks');
    expect(cardText((await dana.click({ verb: 'registry.filter', state: 'active' })).card)).toContain('No presence matches these filters.');
  });

  it('REG-1 the presence card shows the record, the owner and the history, with buttons only for what each person may do', async () => {
    const card = await open(pat);
    const text = cardText(card);
    for (const s of ['@MadisonParks', 'Approved, not yet live', 'Pat Parker', 'Dana Reyes', 'https://www.cityofmadison.com/parks', 'Parks shared drive, monthly export', 'History', "The City Attorney's office approved it · Sam Okafor", 'IT approved it · Ivy Tran', 'Added to the registry']) {
      expect(text).toContain(s);
    }
    expect(titles(card)).toEqual(['Hand over', 'Set up', 'Edit details', 'Request a change', 'Registry']);
    expect(titles(await open(dana))).toEqual(['Registry']);
    // Retiring is the IT Director's (APM "Role of IT" 1), not an IT reviewer's; IT may hand it over (REG-1) and sees
    // the posts (REC-4).
    expect(titles(await open(ivy))).toEqual(['Hand over', 'Posts and referrals', 'Registry']);
  });

  it("REG-5 setup starts from the approval notice, gives the City's notice to paste, and will not go live without the toggle", async () => {
    const [notice] = await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && JSON.stringify(c.body ?? null).includes(parks.id) && JSON.stringify(c.body ?? null).includes('presence.setup.start'));
    const setup = cardActions(notice.body.attachments[0].content).find((a) => a.verb === 'presence.setup.start')!;
    const form = (await pat.click(setup.data)).card;
    const text = cardText(form);
    for (const s of ['Set up @MadisonParks', '@MadisonParks is an official City of Madison account, run by Parks Division', 'Terms of Use (https://www.cityofmadison.com/', 'Social Media Guidelines', 'Social Media Comments Policy', 'Wisconsin Public Records Law', "The City's notice to users is posted on the account"]) expect(text).toContain(s);
    expect(form.body.find((e: any) => e.id === 'password').style).toBe('Password');
    // REG-5: the version that fits an Instagram bio (150 characters), counted, with the link to the full text.
    const bio = text.match(/For the Instagram bio \((\d+) of 150 characters\):\n([^\n]+)/);
    expect(bio).not.toBeNull();
    expect([...bio![2]].length).toBe(Number(bio![1]));
    expect(Number(bio![1])).toBeLessThanOrEqual(150);
    expect(bio![2]).toContain(h.bot.config.notice.links.fullNotice);

    const bad = (await pat.click({ verb: 'presence.golive', presenceId: parks.id, accountUrl: 'https://www.instagram.com/madisonparks', login: LOGIN, password: PASSWORD, noticeInPlace: 'false' })).card;
    expect(cardText(bad)).toContain("Post the City's notice on the account, then confirm it here");
    expect(bad.body.find((e: any) => e.id === 'accountUrl').value).toBe('https://www.instagram.com/madisonparks');
    expect(JSON.stringify(bad)).not.toContain(PASSWORD);
    // Issue 10: a refused form keeps the login and the notice tick; only the password is asked again, and the card says so.
    expect(bad.body.find((e: any) => e.id === 'login').value).toBe(LOGIN);
    expect(cardText(bad)).toContain('Type the password again: for your safety Social Steward never sends a password back to a card.');
    const ticked = (await pat.click({ verb: 'presence.golive', presenceId: parks.id, accountUrl: 'not an address', login: LOGIN, password: PASSWORD, noticeInPlace: 'true' })).card;
    expect(ticked.body.find((e: any) => e.id === 'noticeInPlace').value).toBe('true');
    expect(ticked.body.find((e: any) => e.id === 'login').value).toBe(LOGIN);
    expect(JSON.stringify(ticked)).not.toContain(PASSWORD);
    const insecure = (await pat.click({ verb: 'presence.golive', presenceId: parks.id, accountUrl: 'http://instagram.com/madisonparks', login: LOGIN, password: PASSWORD, noticeInPlace: 'true' })).card;
    expect(cardText(insecure)).toContain('Use an https:// address');
    expect(await presence()).toMatchObject({ state: 'approved_not_live', credential: null, noticeConfirmedAt: null });
    expect(await events(h, 'presence.went_live')).toHaveLength(0);
  });

  it('REG-2 go-live stores the login encrypted: the column holds ciphertext, never the password', async () => {
    const refusedHere = (await pat.click({ verb: 'presence.golive', presenceId: parks.id, accountUrl: 'https://www.instagram.com/madisonparks', login: LOGIN, password: PASSWORD, noticeInPlace: 'true' }, { channel: PARKS_TEAM })).card;
    expect(cardText(refusedHere)).toContain('Not in this chat');
    const done = (await pat.click({ verb: 'presence.golive', presenceId: parks.id, accountUrl: 'https://www.instagram.com/madisonparks', login: LOGIN, password: PASSWORD, noticeInPlace: 'true' })).card;
    for (const s of ['Active', 'It is active', 'Confirmed on ', 'Stored, encrypted', 'Set up: address and login recorded, notice confirmed · Pat Parker']) expect(cardText(done)).toContain(s);
    const row = await presence();
    expect(row.state).toBe('active');
    expect(row.credential).toMatch(/^v1\./);
    expect(row.credential).not.toContain(PASSWORD);
    expect(row.credential).not.toContain(LOGIN);
    const [live] = await events(h, 'presence.went_live');
    expect(dataOf(live)).toMatchObject({ accountUrl: 'https://www.instagram.com/madisonparks', credentialStored: true });
    expect(live.data).not.toMatch(/login|password/i);
  });

  it('REG-2 the owner and IT reveal the login in a personal chat, and each reveal is recorded', async () => {
    expect(titles(await open(pat))).toContain('Reveal login');
    const shown = (await pat.click({ verb: 'presence.reveal', presenceId: parks.id })).card;
    expect(cardText(shown)).toContain('Shown only to you; this was recorded in the audit trail');
    expect(cardText(shown)).toContain(LOGIN);
    expect(cardText(shown)).toContain(PASSWORD);
    expect(cardText((await ivy.click({ verb: 'presence.reveal', presenceId: parks.id })).card)).toContain(PASSWORD);
    expect((await events(h, 'presence.credential_revealed')).map((e) => e.actorName)).toEqual(['Pat Parker', 'Ivy Tran']);
  });

  it('REG-2 reveal is refused in a channel, and to a staffer who is neither owner nor IT', async () => {
    const inChannel = await open(pat, { channel: PARKS_TEAM } as any);
    expect(titles(inChannel)).not.toContain('Reveal login');
    expect(cardText(inChannel)).toContain('open this presence in your personal chat');
    const refused = (await pat.click({ verb: 'presence.reveal', presenceId: parks.id }, { channel: PARKS_TEAM })).card;
    expect(cardText(refused)).toContain('Not in this chat');
    expect(cardText(refused)).toContain('never in a channel');
    const staffer = (await dana.click({ verb: 'presence.reveal', presenceId: parks.id })).card;
    expect(cardText(staffer)).toContain("Only the presence's owner and IT can see its login.");
    for (const card of [inChannel, refused, staffer]) expect(JSON.stringify(card)).not.toContain(PASSWORD);
    expect(await events(h, 'presence.credential_revealed')).toHaveLength(2);
  });

  it('REG-1 editing shows problems beside the field, and the audit event keeps the old values', async () => {
    const form = (await pat.click({ verb: 'presence.edit.start', presenceId: parks.id })).card;
    expect(form.body.find((e: any) => e.id === 'staffName').value).toBe('Pat Parker');
    const save = (over: Record<string, string>, who = pat, version?: number) =>
      who.click({ verb: 'presence.edit', presenceId: parks.id, version: version ?? form.actions[0].data.version, handle: '@MadisonParks', accountUrl: 'https://www.instagram.com/madisonparks', staffName: 'Pat Parker', staffTitle: 'Community Outreach Coordinator', staffContact: 'pparker@cityofmadison.com', dataLocation: 'Parks shared drive, monthly export', ...over });

    const bad = (await save({ staffName: 'Robin Reyes', staffContact: 'ask at the front desk' })).card;
    expect(cardText(bad)).toContain('Enter an email address or a phone number');
    expect(bad.body.find((e: any) => e.id === 'staffName').value).toBe('Robin Reyes');
    expect(cardText((await save({ staffName: 'Robin Reyes' }, dana)).card)).toContain("Only the presence's owner or the head of its department");
    const before = await presence();

    expect(cardText((await save({ staffName: 'Robin Reyes' })).card)).toContain('Saved: responsible staff member');
    expect(cardText((await save({ staffName: 'Someone Else' })).card)).toContain('Someone changed this presence after you opened the form');
    const [edited] = await events(h, 'presence.edited');
    expect(dataOf(edited)).toMatchObject({ before: { staffName: 'Pat Parker' }, after: { staffName: 'Robin Reyes' } });
    expect(Object.keys(dataOf(edited).after)).toEqual(['staffName']);
    const after = await presence();
    expect(after.version).toBe(before.version + 1);
    expect(JSON.parse(after.record).staffName).toBe('Robin Reyes');

    // The head of the presence's department may edit it too.
    const morgan = h.user('Morgan Lee');
    await morgan.click({ verb: 'roles.grant', personId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } })).id, role: 'department_head', departmentId: 'parks' });
    expect(cardText((await save({ staffName: 'Robin Reyes', dataLocation: 'City records system, weekly export' }, morgan, after.version)).card)).toContain('Saved: where the data is kept');
    expect(dataOf((await events(h, 'presence.edited'))[1])).toEqual({ before: { dataLocation: 'Parks shared drive, monthly export' }, after: { dataLocation: 'City records system, weekly export' }, version: after.version + 1 });
  });

  it('FRESH-3 the IT Director suspends with a reason; the owner is told; the audit event keeps the presence as it stood', async () => {
    // APM "Role of IT" 1 gives this to the IT Director alone: an IT reviewer gets no button and is refused.
    expect(cardActions(await open(ivy)).find((a) => a.data?.to === 'suspended')).toBeUndefined();
    const morgan = h.user('Morgan Lee');
    await morgan.click({ verb: 'roles.grant', personId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } })).id, role: 'it_director' });
    const card = await open(morgan);
    const suspend = cardActions(card).find((a) => a.data?.to === 'suspended')!;
    expect(cardText((await ivy.click({ ...suspend.data, [REASON_INPUT.suspended]: 'An IT reviewer trying' })).card)).toContain('Only the IT Director can suspend');
    const noReason = (await morgan.click({ ...suspend.data, [REASON_INPUT.suspended]: '  ' })).card;
    expect(cardText(noReason)).toContain('Say why, so the owner knows and the record shows it');
    expect((await presence()).state).toBe('active');

    const reason = 'Not updated since March; the owner has not answered two nudges.';
    expect(cardText((await morgan.click({ ...suspend.data, [REASON_INPUT.suspended]: reason })).card)).toContain('Suspended. The owner has been told.');
    expect((await presence()).state).toBe('suspended');
    const [changed] = await events(h, 'presence.state_changed');
    const data = dataOf(changed);
    expect(data).toMatchObject({ from: 'active', to: 'suspended', reason, before: { state: 'active', accountUrl: 'https://www.instagram.com/madisonparks', credentialStored: true, record: { staffName: 'Robin Reyes' } } });
    expect(data.before).not.toHaveProperty('credential');
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && JSON.stringify(c.body ?? null).includes('IT suspended @MadisonParks'));
  });

  it('FRESH-2 a staffer, or the owner, cannot suspend, reactivate or retire a presence', async () => {
    const { version } = await presence();
    for (const who of [dana, pat]) {
      const res = (await who.click({ verb: 'presence.state', presenceId: parks.id, version, to: 'retired', [REASON_INPUT.retired]: 'Trying' })).card;
      expect(cardText(res)).toContain('Only the IT Director can suspend, reactivate or retire a presence');
    }
    expect(await presence()).toMatchObject({ state: 'suspended', version });
  });

  it('REG-1 the registry shows at most 25 rows and says how many more', async () => {
    const owner = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    for (let i = 10; i < 36; i++) {
      const req = await h.bot.db.presenceRequest.create({ data: { requesterId: owner.id, status: 'approved' } });
      await h.bot.db.presence.create({ data: { requestId: req.id, departmentId: 'fleet', platform: 'youtube', handle: `@MadisonFleet${i}`, state: 'retired', record: '{}', ownerId: owner.id } });
    }
    const card = (await dana.click({ verb: 'registry.filter', departmentId: 'fleet' })).card;
    expect(cardActions(card).filter((a) => a.verb === 'presence.open')).toHaveLength(25);
    expect(cardText(card)).toContain('1 more not shown: narrow the filters to see them.');
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it('REG-2 the login and password never appear in the log, in Teams calls, in outbox rows, in audit data or on disk', async () => {
    const outbox = await h.bot.db.outboxMessage.findMany();
    const audit = await h.bot.db.auditEvent.findMany();
    const disk = readdirSync(h.dataDir).filter((f) => f.startsWith('social-steward.db')).map((f) => readFileSync(path.join(h.dataDir, f)).toString('latin1'));
    const places: Record<string, string> = {
      log: h.logLines.join('\n'),
      connector: JSON.stringify(h.connector.calls.map((c) => c.body)),
      outbox: JSON.stringify(outbox),
      audit: JSON.stringify(audit.map((e) => e.data)),
      disk: disk.join(''),
    };
    expect(places.log).toContain('turn done'); // the log was captured, so its silence means something
    for (const [where, text] of Object.entries(places)) {
      expect({ where, password: text.includes(PASSWORD), login: text.includes(LOGIN) }).toEqual({ where, password: false, login: false });
    }
  });

  it('REC-1 the audit trail still verifies', async () => {
    expect(await verifyAuditTrail(h.bot.db)).toMatchObject({ ok: true });
  });
});

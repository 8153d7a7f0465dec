import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { fillRequest, parksAnswers, setUp, IT_REVIEW, CITY_ATTORNEY, approveAsAuthority, grantApprover } from '../harness/presence-flow';
import { exportToBuffer, jsonRows, unzip } from '../harness/records-export';
import { verifyExport } from '../../src/records/export/verify-export';
import { MAX_CARD_BYTES } from '../../cards/records/records-card';

const PASSWORD = 'Gr33n-Meadow-Tr41l-s3cret';
const LOGIN = 'parks-social-login@cityofmadison.com';

/** A request taken through IT and the City Attorney to the registry, then set up by its owner. */
async function livePresence(h: Harness, requester: TeamsUser, answers: Record<number, Record<string, string>>) {
  const { requestId } = await fillRequest(requester, answers);
  await requester.click({ verb: 'request.submit', requestId });
  await approveAsAuthority(h, requestId);
  for (const [stage, who, where] of [['it', 'Ivy Tran', IT_REVIEW], ['attorney', 'Sam Okafor', CITY_ATTORNEY]] as const) {
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage } });
    await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: where });
  }
  const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
  await requester.click({ verb: 'presence.golive', presenceId: presence.id, accountUrl: 'https://www.instagram.com/madisonparks', login: LOGIN, password: PASSWORD, noticeInPlace: 'true' });
  return presence;
}

const downloadUrl = (card: any) => (card.actions as any[]).find((a) => a.type === 'Action.OpenUrl')?.url as string;

describe('REC-2 public records: search, export, single-use link', () => {
  let h: Harness;
  let morgan: TeamsUser;
  let rita: TeamsUser; // records custodian
  let parksPresence: { id: string; requestId: string };
  let libraryPresence: { id: string; requestId: string };
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    morgan = h.user('Morgan Lee');
    rita = h.user('Rita Gomez');
    await rita.install();
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    parksPresence = await livePresence(h, h.user('Pat Parker'), answers);
    // A second department's presence, requested by Dana: outside a Parks or a Pat search.
    // REQ-6: Dana cannot approve her own request; Morgan is the library's designated approving authority.
    await grantApprover(h, 'Morgan Lee', 'library');
    const libraryAnswers = await parksAnswers(h, 'Morgan Lee', ['Pat Parker']);
    libraryPresence = await livePresence(h, h.user('Dana Reyes'), { ...libraryAnswers, 1: { ...answers[1], departmentId: 'library', platform: 'facebook', handle: '@MadisonLibrary' } });
    const ritaPerson = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Rita Gomez' } });
    await morgan.click({ verb: 'roles.grant', personId: ritaPerson.id, role: 'records_custodian' });
  });
  afterAll(() => h.stop());

  it('refuses staff, and a custodian in a channel, changing nothing', async () => {
    const [staff] = await h.user('Pat Parker').say('records');
    expect(cardText(staff)).toContain('Only a records custodian or an admin');
    const before = await h.bot.db.recordsExportLink.count();
    const click = await h.user('Pat Parker').click({ verb: 'records.export' });
    expect(cardText(click.card)).toContain('Only a records custodian or an admin');
    const [inChannel] = await rita.say('records', { channel: IT_REVIEW });
    expect(cardText(inChannel)).toContain('personal chat');
    expect(await h.bot.db.recordsExportLink.count()).toBe(before);
    expect(cardText((await h.user('Pat Parker').say('help'))[0])).not.toContain('Public records');
    expect(cardText((await rita.say('help'))[0])).toContain('Public records');
  });

  it('searches by department and shows what matched, grouped by kind', async () => {
    const [form] = await rita.say('records');
    expect(cardText(form)).toContain('Public records');
    const res = await rita.click({ verb: 'records.search', department: 'parks', presence: '', person: '', from: '', to: '' });
    const text = cardText(res.card);
    expect(text).toMatch(/Presences in the registry\s+1\n/);
    expect(text).toContain('@MadisonParks');
    expect(text).not.toContain('@MadisonLibrary');
    // The approving authority's round (REQ-6), IT's and the City Attorney's.
    expect(text).toMatch(/Review rounds of requests\s+3\n/);
    const exportButton = cardActions(res.card).find((a) => a.title === 'Export as ZIP')!;
    // The button exports the search shown, whatever is typed in the form afterwards.
    expect(exportButton.data).toMatchObject({ verb: 'records.export', department: 'parks' });
  });

  it('names the field when a name matches nothing, and searches nothing', async () => {
    const res = await rita.click({ verb: 'records.search', person: 'Nobody Atall' });
    expect(cardText(res.card)).toContain('Nobody called "Nobody Atall" has used Social Steward.');
    expect(cardText(res.card)).not.toContain('records match');
    expect(cardActions(res.card).map((a) => a.title)).not.toContain('Export as ZIP');
  });

  it('gives a single-use link; the download is a verified ZIP with no login or password, and is audited', async () => {
    const res = await rita.click({ verb: 'records.export', presence: '@MadisonParks' });
    const url = downloadUrl(res.card);
    expect(url).toMatch(/\/records\/exports\/[A-Za-z0-9_-]{43}$/);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/zip');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    const zip = Buffer.from(await first.arrayBuffer());
    expect(await verifyExport(zip)).toEqual({ ok: true, files: expect.any(Number) });
    const files = unzip(zip);
    const all = [...files.values()].join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(LOGIN);
    const stored = await h.bot.db.presence.findUniqueOrThrow({ where: { id: parksPresence.id } });
    expect(all).not.toContain(stored.credential!);
    expect(jsonRows(files, 'presences').map((p) => p.id)).toEqual([parksPresence.id]);
    expect(files.get('index.html')).toContain('@MadisonParks');

    const again = await fetch(url);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('used already');
    const ritaId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Rita Gomez' } })).id;
    const downloads = await h.bot.db.auditEvent.findMany({ where: { action: { in: ['records.export_link_created', 'records.export_downloaded', 'records.exported'] }, actorId: ritaId } });
    expect(downloads.map((e) => e.action).sort()).toEqual(['records.export_downloaded', 'records.export_link_created', 'records.exported']);
  });

  it('refuses an expired link and a link whose owner lost the role', async () => {
    const expired = downloadUrl((await rita.click({ verb: 'records.export' })).card);
    await h.bot.db.recordsExportLink.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await fetch(expired)).status).toBe(410);

    const later = downloadUrl((await rita.click({ verb: 'records.export' })).card);
    const grant = await h.bot.db.roleGrant.findFirstOrThrow({ where: { role: 'records_custodian', revokedAt: null } });
    await morgan.click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    const refused = await fetch(later);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('no longer hold');
    await morgan.click({ verb: 'roles.grant', personId: grant.personId, role: 'records_custodian' });
    expect((await fetch('http://' + new URL(later).host + '/records/exports/not-a-token')).status).toBe(404);
  });

  it('a narrower search exports exactly the matching subset of everything', async () => {
    const now = new Date();
    const everything = unzip(await exportToBuffer(h.bot.db, {}, now));
    const allEvents = jsonRows(everything, 'audit-events');
    // Dates: exactly the events in the range, identical rows.
    const from = allEvents[Math.floor(allEvents.length / 3)].at as string;
    const to = allEvents[Math.floor((2 * allEvents.length) / 3)].at as string;
    const ranged = jsonRows(unzip(await exportToBuffer(h.bot.db, { from, to }, now)), 'audit-events');
    expect(ranged).toEqual(allEvents.filter((e) => e.at >= from && e.at <= to));
    // A department: a subset of everything, holding the Parks presence's events and none of the Library's.
    const parks = unzip(await exportToBuffer(h.bot.db, { departmentIds: ['parks'] }, now));
    for (const kind of ['audit-events', 'presences', 'presence-requests', 'review-rounds', 'decisions']) {
      const full = jsonRows(everything, kind).map((r) => JSON.stringify(r));
      for (const row of jsonRows(parks, kind)) expect(full).toContain(JSON.stringify(row));
    }
    const parksEvents = jsonRows(parks, 'audit-events');
    const about = (ids: string[]) => allEvents.filter((e) => ids.includes(e.entityId)).map((e) => e.seq);
    expect(parksEvents.map((e) => e.seq)).toEqual(expect.arrayContaining(about([parksPresence.id, parksPresence.requestId])));
    for (const seq of about([libraryPresence.id, libraryPresence.requestId])) expect(parksEvents.map((e) => e.seq)).not.toContain(seq);
    // Department and a person together: within each alone.
    const pat = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    const both = jsonRows(unzip(await exportToBuffer(h.bot.db, { departmentIds: ['parks'], personIds: [pat.id] }, now)), 'audit-events').map((e) => e.seq);
    const patOnly = jsonRows(unzip(await exportToBuffer(h.bot.db, { personIds: [pat.id] }, now)), 'audit-events').map((e) => e.seq);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((s) => patOnly.includes(s) && parksEvents.some((e) => e.seq === s))).toBe(true);
  });

  it('keeps the results card under 24 KB however long the names and however many records', async () => {
    const long = 'Lorem-ipsum-'.repeat(300);
    await h.user(`Very ${long}`).install();
    for (let i = 0; i < 30; i++) await h.user(`${i} Person ${long}`).install(); // the harness keys people by their name's first six letters
    const res = await rita.click({ verb: 'records.search', person: 'Lorem' });
    expect(cardText(res.card)).toMatch(/People\s+31\n/);
    expect(Buffer.byteLength(JSON.stringify(res.card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    // A forged click with huge inputs gets the form back, still small, and nothing searched.
    const forged = await rita.click({ verb: 'records.search', person: 'x'.repeat(60_000), presence: 'y'.repeat(60_000), from: 'z'.repeat(20_000) });
    expect(cardText(forged.card)).toContain('Person: at most 100 characters');
    expect(Buffer.byteLength(JSON.stringify(forged.card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});

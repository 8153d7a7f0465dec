import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { fillRequest, parksAnswers, setUp, IT_REVIEW, CITY_ATTORNEY, approveAsAuthority } from '../harness/presence-flow';
import { runSweep } from '../../src/services/freshness/run-sweep';
import { cardPresenters } from '../../cards/presenters';

const DAY = 86_400_000;
/**
 * The sweeps run at the next 18:00 UTC (midday in the City's time zone), and the presences went live whole days before
 * it: "40 days ago" counts calendar days, so a sweep near local midnight across a clock change would read 39.
 */
const SWEEP_AT = new Date(Math.ceil((Date.now() - 18 * 3_600_000) / DAY) * DAY + 18 * 3_600_000);

/** A presence approved through the real flow and set up by its owner: live. */
async function livePresence(h: Harness, owner: TeamsUser, answers: Record<number, Record<string, string>>) {
  const { requestId } = await fillRequest(owner, answers);
  await owner.click({ verb: 'request.submit', requestId });
  await approveAsAuthority(h, requestId);
  for (const [stage, who, where] of [['it', 'Ivy Tran', IT_REVIEW], ['attorney', 'Sam Okafor', CITY_ATTORNEY]] as const) {
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage } });
    await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: where });
  }
  const p = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
  await owner.click({ verb: 'presence.golive', presenceId: p.id, accountUrl: `https://www.instagram.com/${p.handle.slice(1)}`, login: 'social@cityofmadison.com', password: 'pw', noticeInPlace: 'true' });
  return p;
}

describe('weekly freshness through Teams (FRESH-1, FRESH-2)', () => {
  let h: Harness;
  let pat: TeamsUser;
  let morgan: TeamsUser;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, morgan] = [h.user('Pat Parker'), h.user('Morgan Lee')];
    await morgan.install();
    const me = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } });
    await morgan.click({ verb: 'roles.grant', personId: me.id, role: 'it_director' });
  });
  afterAll(() => h.stop());

  const sweepAt = (at: Date) => runSweep({ db: h.bot.db, config: h.bot.config, present: cardPresenters, now: () => at }, { holder: 'test' });
  const wentLive = (id: string, daysAgo: number) => h.bot.db.presence.update({ where: { id }, data: { noticeConfirmedAt: new Date(SWEEP_AT.getTime() - daysAgo * DAY) } });
  const cardsTo = (u: TeamsUser) => h.connector.cards((c) => c.conversationId === u.personalConversationId() && c.status === 200);

  it('nudges the owner once, with a Still active button that only the owner can press; the IT Director gets the abandoned one', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const quiet = await livePresence(h, pat, answers);
    const gone = await livePresence(h, pat, { ...answers, 1: { ...answers[1], handle: '@MadisonParksOld' } });
    await wentLive(quiet.id, 40);
    await wentLive(gone.id, 100);

    const before = cardsTo(pat).length;
    const report = await sweepAt(SWEEP_AT);
    expect(report).toMatchObject({ outcome: 'ran', digests: 1, escalations: 1 });
    // Teams' per-conversation rate limit may hold the digest a moment behind Pat's earlier notices.
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.status === 200 && /need a look/.test(c.body?.summary ?? ''));
    await h.connector.waitFor((c) => c.conversationId === morgan.personalConversationId() && c.status === 200 && /needs the IT Director/.test(c.body?.summary ?? ''));
    const digests = cardsTo(pat).slice(before).map((c) => c.card).filter((c) => cardText(c).includes('need a look'));
    expect(digests).toHaveLength(1);
    expect(cardText(digests[0])).toContain(quiet.handle);
    expect(cardText(digests[0])).toContain('40 days ago');
    const toDirector = cardsTo(morgan).map((c) => cardText(c.card)).filter((t) => t.includes('may be abandoned'));
    expect(toDirector).toEqual([expect.stringContaining('@MadisonParksOld may be abandoned')]);

    expect(cardActions(digests[0]).map((a) => a.title)).toEqual(['Draft a post', 'Still active', 'Hand over', 'Yes, retire it', 'Open']);
    // Draft a post opens the posts flow with this presence chosen (issue 13 item 2): the compose card, for Pat only.
    const draftIt = cardActions(digests[0]).find((a) => a.title === 'Draft a post')!;
    expect(draftIt.data).toEqual({ verb: 'post.new', presenceId: quiet.id });
    const compose = await pat.click(draftIt.data);
    expect(cardActions(compose.card).some((a) => a.verb === 'post.step')).toBe(true);
    expect(cardText(compose.card)).toContain(quiet.handle);
    expect(await h.bot.db.post.count({ where: { presenceId: quiet.id, drafterId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } })).id } })).toBe(1);
    expect(cardText((await h.user('Dana Reyes').click(draftIt.data)).card)).not.toContain('Check and continue');
    const stillActive = cardActions(digests[0]).find((a) => a.title === 'Still active')!;
    expect(stillActive.data).toEqual({ verb: 'freshness.still_active', presenceId: quiet.id });
    // REG-1: its Hand over opens the custody handover (who takes it over, and why).
    const handOver = cardActions(digests[0]).find((a) => a.title === 'Hand over')!;
    expect(handOver.data).toEqual({ verb: 'presence.handover.start', presenceId: quiet.id });
    expect(cardText((await pat.click(handOver.data)).card)).toEqual(expect.stringContaining('asked to change its password'));

    // Someone else pressing it (a forwarded card) is refused and records nothing.
    const dana = h.user('Dana Reyes');
    const refused = await dana.click(stillActive.data);
    expect(cardText(refused.card)).toContain("Only the presence's owner can confirm it is still active");
    expect(await h.bot.db.presenceConfirmation.count()).toBe(0);

    const answered = await pat.click(stillActive.data);
    expect(cardText(answered.card)).toContain('recorded as still active');
    expect(await h.bot.db.presenceConfirmation.count({ where: { presenceId: quiet.id } })).toBe(1);
    expect(await h.bot.db.auditEvent.count({ where: { action: 'presence.confirmed_active', entityId: quiet.id } })).toBe(1);

    // A week later the confirmation is its last activity: fresh, so no digest; the abandoned one is not escalated twice.
    expect(await sweepAt(new Date(SWEEP_AT.getTime() + 7 * DAY))).toMatchObject({ outcome: 'ran', digests: 0, escalations: 0 });
  });

  it('the IT Director suspends the abandoned one with the APM ground and a note; the presence is kept as it stood (FRESH-2, FRESH-3)', async () => {
    const escalation = await h.bot.db.freshnessEscalation.findFirstOrThrow({ where: { status: 'open' } });
    const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { id: escalation.presenceId } });
    const card = cardsTo(morgan).map((c) => c.card).find((c) => cardText(c).includes('may be abandoned'));
    const titles = cardActions(card).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Give more time', 'Reassign the owner', 'Suspend', 'Remove']));
    const suspend = { verb: 'freshness.decide', escalationId: escalation.id, action: 'suspend' };
    const auditBefore = await h.bot.db.auditEvent.count();

    // An IT reviewer (not the Director) and the owner are refused and shown nothing; nothing changes.
    for (const who of ['Ivy Tran', 'Pat Parker']) {
      const refused = await h.user(who).click({ ...suspend, suspendGround: 'appears_abandoned', suspendNote: 'Not mine to do.' });
      expect(cardText(refused.card)).toContain('Only the IT Director can see and act on this card');
      expect(cardText(refused.card)).not.toContain(presence.handle);
    }
    // The Director must give the ground and a note.
    const noGround = await morgan.click({ ...suspend, suspendNote: 'Quiet since summer.' });
    expect(cardText(noGround.card)).toContain('Choose the ground the APM gives for this action.');
    const noNote = await morgan.click({ ...suspend, suspendGround: 'appears_abandoned', suspendNote: '  ' });
    expect(cardText(noNote.card)).toContain('Write a note for the record');
    expect(await h.bot.db.auditEvent.count()).toBe(auditBefore);
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).state).toBe('active');

    const done = await morgan.click({ ...suspend, suspendGround: 'appears_abandoned', suspendNote: 'No posts since spring; owner does not answer.' });
    // Issue 10: the short card after the decision; the decided escalation card is one click away.
    expect(cardText(done.card)).toContain(`You chose "Suspend" for ${presence.handle}`);
    const decidedCard = (await morgan.click(cardActions(done.card).find((a) => a.verb === 'escalation.open')!.data)).card;
    expect(cardText(decidedCard)).toContain('Suspend, by Morgan Lee');
    expect(cardActions(decidedCard).map((a) => a.title)).toEqual(['Open']);
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).state).toBe('suspended');

    const decided = await h.bot.db.freshnessEscalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(decided).toMatchObject({ status: 'decided', action: 'suspend', ground: 'appears_abandoned', note: 'No posts since spring; owner does not answer.' });
    const kept = JSON.parse(decided.snapshot!);
    expect(kept.presence).toMatchObject({ handle: presence.handle, state: 'active', ownerId: presence.ownerId, version: presence.version });
    expect(kept.history.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['presence.registered', 'presence.went_live', 'freshness.escalated']));
    const event = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'freshness.director_acted' } });
    expect(JSON.parse(event.data)).toMatchObject({ action: 'suspend', ground: 'appears_abandoned', before: { state: 'active' } });
    // The owner is told why.
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && c.status === 200 && /The IT Director suspended/.test(c.body?.summary ?? ''));

    // A second click on the decided card changes nothing and shows it as it stands.
    const again = await morgan.click({ ...suspend, action: 'remove', removeGround: 'appears_abandoned', removeNote: 'Twice.' });
    expect(cardText(again.card)).toContain('This was already decided');
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).state).toBe('suspended');
  });
});

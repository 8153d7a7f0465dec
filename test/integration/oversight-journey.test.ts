import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { parksAnswers, setUp } from '../harness/presence-flow';
import { activePresence, inputValue } from '../harness/post-flow';
import { exportProblems, exportToBuffer, jsonRows, subsetProblems, unzip } from '../harness/records-export';
import { todayIn } from '../../src/services/oversight/police-referral';

const POST_TEXT = 'Pool opens Saturday. Staff gate code is 4412.';

/** REC-4 and REC-3 as IT uses them in Teams, through the real HTTP endpoint: from the presence card to the records kept. */
describe('IT oversight of posts and police referrals (REC-3, REC-4)', () => {
  let h: Harness;
  let pat: TeamsUser;
  let ivy: TeamsUser;
  let morgan: TeamsUser;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, ivy, morgan] = [h.user('Pat Parker'), h.user('Ivy Tran'), h.user('Morgan Lee')];
    const me = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } });
    await morgan.click({ verb: 'roles.grant', personId: me.id, role: 'it_director' });
  });
  afterAll(() => h.stop());

  const button = (card: unknown, title: string) => {
    const found = cardActions(card).find((a) => a.title === title);
    if (!found) throw new Error(`no "${title}" button on: ${cardText(card).slice(0, 300)}`);
    return found.data;
  };

  it('IT records a removal from the presence card, the post history keeps the original; the IT Director refers it and the records are frozen', async () => {
    const presence = await activePresence(h, pat, await parksAnswers(h, 'Dana Reyes', ['Pat Parker']));
    const patId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } })).id;
    const post = await h.bot.db.post.create({ data: { presenceId: presence.id, drafterId: patId, status: 'published', draft: JSON.stringify({ text: POST_TEXT }), publishedUrl: 'https://www.instagram.com/p/abc', publishedAt: new Date() } });

    // The owner's presence card has no oversight button; IT's does.
    expect(cardActions((await pat.click({ verb: 'presence.open', presenceId: presence.id })).card).map((a) => a.verb)).not.toContain('presence.oversight');
    const oversight = await ivy.click(button((await ivy.click({ verb: 'presence.open', presenceId: presence.id })).card, 'Posts and referrals'));
    expect(cardText(oversight.card)).toContain('No referral to the Police Department');
    // An IT reviewer may not refer to police (the IT Director does, APM "Role of IT" 4).
    expect(cardActions(oversight.card).map((a) => a.title)).not.toContain('Refer to police');
    const history = await ivy.click(button(oversight.card, 'History'));
    expect(cardText(history.card)).toContain(POST_TEXT);
    const form = await ivy.click(button(history.card, 'Record an edit or removal'));
    const submit = button(form.card, 'Record it');

    // No reason: the same form, the values kept, nothing recorded.
    const bad = await ivy.click({ ...submit, kind: 'removal', policy: 'POST-5', reason: '' });
    expect(cardText(bad.card)).toContain('Say why the post violates that policy');
    expect(await h.bot.db.postCorrection.count()).toBe(0);

    const done = await ivy.click({ ...submit, kind: 'removal', policy: 'POST-5', reason: 'It gave out the staff gate code (APM 11).' });
    const shown = cardText(done.card);
    expect(shown).toContain('Removed by IT');
    expect(shown).toContain('POST-5');
    expect(shown).toContain('It gave out the staff gate code');
    expect(shown).toContain(POST_TEXT);
    // The drafter is told, with a button to the post's history, which they may read.
    await h.connector.waitFor((c) => c.conversationId === pat.personalConversationId() && /was removed by IT/.test(c.body?.summary ?? ''));
    expect(cardText((await pat.click({ verb: 'post.history', postId: post.id })).card)).toContain('Removed by IT');

    // REC-3: the IT Director refers the post to the Police Department from its history.
    const referral = await morgan.click(button((await morgan.click({ verb: 'post.history', postId: post.id })).card, 'Refer to police'));
    const record = button(referral.card, 'Record the referral');
    expect(record).toMatchObject({ presenceId: presence.id, postId: post.id });
    const early = await morgan.click({ ...record, foundOn: '2026-12-05', reportedOn: '2026-12-01', caseNumber: 'MPD-26-0412', held: `presence,post:${post.id}` });
    expect(cardText(early.card)).toContain('cannot be reported before it was found');
    // The City's today (TIME_ZONE), as the IT Director's calendar shows it.
    const today = todayIn(new Date(), h.bot.config.timeZone);
    const referred = await morgan.click({ ...record, foundOn: today, reportedOn: today, caseNumber: 'MPD-26-0412', note: 'Threat in the comments.', held: `presence,post:${post.id}` });
    expect(cardText(referred.card)).toContain('Referral recorded for police case MPD-26-0412');
    expect(cardText(referred.card)).toContain('Police case MPD-26-0412');

    // Nobody can change the kept records now: the IT Director's suspension, the owner's edit, IT's correction.
    const before = await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } });
    const suspend = await morgan.click({ verb: 'presence.state', presenceId: presence.id, version: before.version, to: 'suspended', suspendReason: 'Trying to suspend a held presence.' });
    expect(cardText(suspend.card)).toContain('held for police case MPD-26-0412');
    const editForm = (await pat.click({ verb: 'presence.edit.start', presenceId: presence.id })).card;
    const values = Object.fromEntries(['handle', 'accountUrl', 'staffName', 'staffTitle', 'staffContact', 'dataLocation'].map((k) => [k, inputValue(editForm, k)]));
    // A change the owner may make on any other day (a new name goes through review instead, REQ-6).
    const edit = await pat.click({ ...button(editForm, 'Save changes'), ...values, staffTitle: 'Renamed coordinator' });
    expect(cardText(edit.card)).toContain('held for police case MPD-26-0412');
    expect(await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).toEqual(before);
    const again = await ivy.click({ verb: 'post.correct.start', postId: post.id });
    expect(cardText(again.card)).toContain('held for police case MPD-26-0412');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'police.referred', entityId: presence.id } })).toBe(1);

    // A public records export holds the correction with its original, the referral and what it keeps (REC-2).
    const files = unzip(await exportToBuffer(h.bot.db, { presenceIds: [presence.id] }));
    expect(jsonRows(files, 'post-corrections')).toEqual([expect.objectContaining({ postId: post.id, kind: 'removal', policy: 'POST-5', original: expect.objectContaining({ text: POST_TEXT }) })]);
    expect(jsonRows(files, 'police-referrals')).toEqual([expect.objectContaining({ caseNumber: 'MPD-26-0412', postId: post.id, by: 'Morgan Lee' })]);
    // Both kept records, the post's hold found through its referral's presence.
    expect(jsonRows(files, 'record-holds').map((r) => [r.entityType, r.presenceId]).sort()).toEqual([['post', presence.id], ['presence', presence.id]]);
    expect(await exportProblems(h.bot.db)).toEqual([]);
    expect(await subsetProblems(h.bot.db)).toEqual([]);
  });
});

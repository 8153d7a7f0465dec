import { ServiceWorld } from '../harness/service-world';
import { seedLivePresence, givePersonalChat } from '../harness/freshness-seed';
import { recordCorrection } from '../../src/services/oversight/record-correction';
import { postHistory } from '../../src/services/oversight/post-history';
import { recordReferral } from '../../src/services/oversight/police-referral';
import { heldForPoliceCase } from '../../src/errors/held-for-police';
import { presenceOversight } from '../../src/services/oversight/presence-oversight';

const NOW = new Date('2026-12-07T15:00:00Z');
const ORIGINAL = 'Pool opens Saturday. Gate code for staff is 4412.';

describe('REC-4 edits and removals by IT, REC-3 police referrals', () => {
  let w: ServiceWorld;
  beforeEach(async () => {
    w = await ServiceWorld.start();
    w.setClock(NOW);
  });
  afterEach(() => w.stop());

  async function world() {
    const rae = await w.person('Rae Quist');
    const ivy = await w.person('Ivy Tran', ['it_reviewer']);
    const morgan = await w.person('Morgan Lee', ['it_director']);
    await givePersonalChat(w.db, rae.personId);
    const presenceId = await seedLivePresence(w.db, rae.personId, '@MadisonPools', NOW, 10);
    const post = await w.db.post.create({ data: { presenceId, drafterId: rae.personId, status: 'published', draft: JSON.stringify({ text: ORIGINAL }), publishedUrl: 'https://facebook.com/p/1', publishedAt: NOW } });
    const draft = await w.db.post.create({ data: { presenceId, drafterId: rae.personId, status: 'draft', draft: JSON.stringify({ text: 'Not out yet.' }) } });
    return { rae, ivy, morgan, presenceId, post, draft };
  }

  it('REC-4: IT records a removal naming the policy; the original is kept, the post row untouched, audited, people told', async () => {
    const { rae, ivy, presenceId, post } = await world();
    const out = await recordCorrection(w.services, ivy, { postId: post.id, kind: 'removal', policy: 'POST-5', reason: 'It gave out the staff gate code (APM 11).' });
    expect(out.screen).toBe('history');
    const row = await w.db.postCorrection.findFirstOrThrow();
    expect(row).toMatchObject({ postId: post.id, presenceId, kind: 'removal', policy: 'POST-5', byId: ivy.personId, editedText: null });
    expect(JSON.parse(row.original)).toMatchObject({ text: ORIGINAL, status: 'published', publishedUrl: 'https://facebook.com/p/1' });
    expect(await w.db.post.findUniqueOrThrow({ where: { id: post.id } })).toEqual(post);
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'post.corrected' } });
    expect(JSON.parse(event.data)).toMatchObject({ postId: post.id, kind: 'removal', policy: 'POST-5' });
    expect(await w.db.outboxMessage.count({ where: { conversationKey: `a:${rae.personId}` } })).toBe(1);
    // The drafter reads the post's history: the removal, its policy and the original as it stood.
    const history = await postHistory(w.services, rae, post.id);
    expect(history.corrections).toEqual([expect.objectContaining({ kindLabel: 'Removed by IT', originalText: ORIGINAL, by: 'Ivy Tran' })]);
    expect(history.corrections[0].policyLabel).toMatch(/^POST-5/);
    expect(history.canCorrect).toBe(false);
  });

  it('REC-4: an edit keeps the original beside the text as IT left it; a second edit keeps the first edit as its original', async () => {
    const { ivy, post } = await world();
    await recordCorrection(w.services, ivy, { postId: post.id, kind: 'edit', policy: 'POST-5', reason: 'Removed the staff gate code.', editedText: 'Pool opens Saturday.' });
    const history = await postHistory(w.services, ivy, post.id);
    expect(history.corrections[0]).toMatchObject({ kindLabel: 'Edited by IT', originalText: ORIGINAL, editedText: 'Pool opens Saturday.' });
    expect(history.text).toBe(ORIGINAL);
  });

  it('REC-4: bad input comes back on the form and writes nothing; others than IT, and drafts, are refused', async () => {
    const { rae, ivy, morgan, post, draft } = await world();
    const noReason = await recordCorrection(w.services, ivy, { postId: post.id, kind: 'removal', policy: 'POST-5', reason: 'bad' });
    expect(noReason).toMatchObject({ screen: 'form', view: { error: expect.stringMatching(/Say why/), values: { reason: 'bad' } } });
    const noText = await recordCorrection(w.services, morgan, { postId: post.id, kind: 'edit', policy: 'POST-4', reason: 'Emergency information posted directly.' });
    expect(noText).toMatchObject({ screen: 'form', view: { error: expect.stringMatching(/as IT left it/) } });
    const noPolicy = await recordCorrection(w.services, ivy, { postId: post.id, kind: 'removal', policy: 'toString', reason: 'Some long enough reason.' });
    expect(noPolicy).toMatchObject({ screen: 'form', view: { error: 'Choose the policy the post violates.' } });
    await expect(recordCorrection(w.services, rae, { postId: post.id, kind: 'removal', policy: 'POST-5', reason: 'The drafter cannot do this.' })).rejects.toThrow(/Only IT/);
    await expect(recordCorrection(w.services, ivy, { postId: draft.id, kind: 'removal', policy: 'POST-5', reason: 'A draft is not out there.' })).rejects.toThrow(/approved or published/);
    expect(await w.db.postCorrection.count()).toBe(0);
    expect(await w.db.auditEvent.count({ where: { action: 'post.corrected' } })).toBe(0);
  });

  it('REC-3: the IT Director records a referral; the kept records can no longer be changed or deleted, in the database itself', async () => {
    const { ivy, morgan, presenceId, post, draft } = await world();
    const out = await recordReferral(w.services, morgan, { presenceId, postId: post.id, foundOn: '2026-12-03', reportedOn: '2026-12-04', caseNumber: 'MPD-2026-0412', note: 'Threat in the comments.', held: `presence,post:${post.id}` });
    expect(out.screen).toBe('oversight');
    expect(await w.db.policeReferral.findFirstOrThrow()).toMatchObject({ presenceId, postId: post.id, caseNumber: 'MPD-2026-0412', foundAt: new Date('2026-12-03T12:00:00Z'), reportedAt: new Date('2026-12-04T12:00:00Z'), byId: morgan.personId });
    expect(await w.db.recordHold.count()).toBe(2);
    expect(JSON.parse((await w.db.auditEvent.findFirstOrThrow({ where: { action: 'police.referred' } })).data)).toMatchObject({ caseNumber: 'MPD-2026-0412', held: ['presence', `post:${post.id}`] });

    // The case the database names in its refusal (Prisma keeps the trigger's words in the adapter's error).
    const caseOf = (p: Promise<unknown>) => p.then(() => 'changed', (e: unknown) => heldForPoliceCase(e));
    expect(await caseOf(w.db.presence.update({ where: { id: presenceId }, data: { handle: '@Changed' } }))).toBe('MPD-2026-0412');
    expect(await caseOf(w.db.presence.updateMany({ where: { id: presenceId }, data: { state: 'suspended' } }))).toBe('MPD-2026-0412');
    expect(await caseOf(w.db.post.update({ where: { id: post.id }, data: { publishedUrl: null } }))).toBe('MPD-2026-0412');
    expect(await caseOf(w.db.$executeRawUnsafe(`UPDATE "Post" SET "status" = 'draft' WHERE "id" = '${post.id}'`))).toBe('MPD-2026-0412');
    await expect(w.db.$executeRawUnsafe(`DELETE FROM "Post" WHERE "id" = '${post.id}'`)).rejects.toThrow(/never deleted/);
    await expect(w.db.$executeRawUnsafe(`UPDATE "PoliceReferral" SET "caseNumber" = 'X'`)).rejects.toThrow(/never changed/);
    await expect(w.db.$executeRawUnsafe(`DELETE FROM "RecordHold"`)).rejects.toThrow(/never deleted/);
    expect(await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).toMatchObject({ handle: '@MadisonPools', state: 'active' });
    // The services say so before trying: a correction of the held post.
    await expect(recordCorrection(w.services, ivy, { postId: post.id, kind: 'removal', policy: 'POST-5', reason: 'Trying to remove it.' })).rejects.toThrow(/^This record is held for police case MPD-2026-0412/);
    // A record not kept stays changeable.
    await w.db.post.update({ where: { id: draft.id }, data: { draft: JSON.stringify({ text: 'Still a draft.' }) } });
    const view = await presenceOversight(w.services, ivy, presenceId);
    expect(view.referrals).toEqual([expect.objectContaining({ caseNumber: 'MPD-2026-0412', foundOn: '2026-12-03', reportedOn: '2026-12-04', held: ['The presence @MadisonPools', expect.stringMatching(/^Post: Pool opens Saturday/)] })]);
    expect(view.posts.find((p) => p.postId === post.id)?.held).toBe(true);
  });

  it('REC-3: only the IT Director refers; bad dates, a bad case number or no kept record come back on the form and keep nothing', async () => {
    const { ivy, morgan, presenceId, post } = await world();
    const base = { presenceId, foundOn: '2026-12-03', reportedOn: '2026-12-04', caseNumber: 'MPD-1', held: 'presence' };
    await expect(recordReferral(w.services, ivy, base)).rejects.toThrow(/Only the IT Director/);
    const cases: Array<[Partial<typeof base>, RegExp]> = [
      [{ reportedOn: '2026-12-02' }, /before it was found/],
      [{ foundOn: '2026-12-09', reportedOn: '2026-12-09' }, /later than today/],
      [{ foundOn: '2026-02-30' }, /date it was found/],
      [{ caseNumber: '<script>' }, /case number/],
      [{ held: '' }, /at least one record/],
      // A post id not on the list: the last character changed (an id that already ended in 0 made this the same post).
      [{ held: `post:${post.id.slice(0, -1)}${post.id.endsWith('0') ? '1' : '0'}` }, /from the list/],
    ];
    for (const [change, message] of cases) {
      const out = await recordReferral(w.services, morgan, { ...base, ...change });
      expect(out).toMatchObject({ screen: 'form', view: { error: expect.stringMatching(message) } });
    }
    expect(await w.db.policeReferral.count()).toBe(0);
    expect(await w.db.recordHold.count()).toBe(0);
  });
});

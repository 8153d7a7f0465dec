import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel, type TeamsUser } from '../harness/teams-client';
import { channelCards, IT_REVIEW, parksAnswers, setUp, grantApprover } from '../harness/presence-flow';
import { activePresence, composeValues } from '../harness/post-flow';
import { EXTERNAL_LINK_DISCLAIMER } from '../../src/domain/posts/disclaimer';
import { exportToBuffer, jsonRows, unzip } from '../harness/records-export';

const events = (h: Harness, action: string) => h.bot.db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
const action = (card: any, verb: string, code?: string) => cardActions(card).find((a) => a.verb === verb && (!code || a.data.code === code));

/** Issue 11 through the HTTP endpoint: draft, fixes, submit, return, revise, approve, mark published (POST-1..POST-6). */
describe('Drafting posts: checks beside the text, the approving authority decides on a card', () => {
  let h: Harness;
  let pat: TeamsUser; // owner and spokesperson of @MadisonParks
  let dana: TeamsUser; // its approving authority
  let gus: TeamsUser; // spokesperson of @MadisonLibrary only
  let parksId: string;
  let libraryId: string;

  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, dana, gus] = [h.user('Pat Parker'), h.user('Dana Reyes'), h.user('Gus Hale')];
    await gus.install();
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    parksId = (await activePresence(h, pat, answers)).id;
    await grantApprover(h, 'Dana Reyes', 'library');
    const library = await parksAnswers(h, 'Dana Reyes', ['Gus Hale']);
    libraryId = (await activePresence(h, pat, { ...library, 1: { ...library[1], departmentId: 'library', handle: '@MadisonLibrary' } })).id;
  }, 120_000);
  afterAll(() => h.stop());

  it('POST-1: a spokesperson of another presence cannot draft here, and is told who to ask', async () => {
    const before = await h.bot.db.post.count();
    const picker = cardText((await gus.say('draft a post'))[0]);
    expect(picker).toContain('@MadisonLibrary');
    expect(picker).not.toContain('@MadisonParks');
    const refused = cardText((await gus.click({ verb: 'post.new', presenceId: parksId })).card);
    expect(refused).toContain('Only the owner and the spokespersons named in the registry record of @MadisonParks');
    expect(refused).toContain('Ask Pat Parker');
    expect(await h.bot.db.post.count()).toBe(before);
    expect(libraryId).toBeTruthy();
  });

  it('POST-4: emergency information is refused and sent to the emergency page, whether declared or in the words', async () => {
    const postId = action((await pat.click({ verb: 'post.new', presenceId: parksId })).card, 'post.step')!.data.postId as string;
    const declared = (await pat.click({ verb: 'post.step', postId, nav: 'next', text: 'Update on the park: https://www.cityofmadison.com/parks', emergency: 'yes' })).card;
    expect(cardText(declared)).toContain('https://www.cityofmadison.com/emergency');
    expect(cardText(declared)).toContain('POST-4');
    expect(action(declared, 'post.submit')).toBeUndefined();
    const worded = cardText((await pat.click({ verb: 'post.step', postId, nav: 'next', text: 'Residents near the river must evacuate now. https://www.cityofmadison.com/parks', emergency: 'no' })).card);
    expect(worded).toContain('POST-4');
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'draft', round: 0 });
  });

  it('drafts stay in the personal chat', async () => {
    const [reply] = await pat.say('draft a post', { channel: IT_REVIEW });
    expect(cardText(reply)).toContain('Posts are drafted in your personal chat');
    const click = (await pat.click({ verb: 'post.new', presenceId: parksId }, { channel: IT_REVIEW })).card;
    expect(cardText(click)).toContain('Posts are drafted in your personal chat');
  });

  it("POST-3: the presence's registry card asks for the disclaimer on the account's page, word for word", async () => {
    const card = (await pat.click({ verb: 'presence.open', presenceId: parksId })).card;
    expect(cardText(card)).toContain(EXTERNAL_LINK_DISCLAIMER);
  });

  it('the journey: draft, fixes, submit, the drafter cannot approve, return, revise, approve once, mark published', async () => {
    expect(cardText((await pat.say('help'))[0])).toContain('Draft a post');
    const picker = (await pat.say('draft a post'))[0];
    expect(cardText(picker)).toContain('@MadisonParks');
    let card = (await pat.click({ verb: 'post.new', presenceId: parksId })).card;
    const postId = action(card, 'post.step')!.data.postId as string;

    // Saved with findings beside the text: POST-2 and POST-3 block, each with its fix.
    card = (await pat.click({ verb: 'post.step', postId, nav: 'save', ...composeValues(card), text: 'Goodman Pool opens Saturday. Sign up for swim lessons at https://swim.example.org' })).card;
    let text = cardText(card);
    for (const s of ['Must fix', 'POST-2', 'POST-3', "Add the presence's City page", 'Add the disclaimer']) expect(text).toContain(s);
    const blocked = (await pat.click({ verb: 'post.step', postId, nav: 'next', ...composeValues(card) })).card;
    expect(cardText(blocked)).toContain('Fix the 2 problems marked "must fix" below first.');
    expect(action(blocked, 'post.submit')).toBeUndefined();
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'draft' });

    card = (await pat.click({ verb: 'post.fix', ...action(card, 'post.fix', 'no-city-link')!.data })).card;
    card = (await pat.click({ verb: 'post.fix', ...action(card, 'post.fix', 'disclaimer-missing')!.data })).card;
    const stored = JSON.parse((await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).draft).text as string;
    expect(stored).toContain('https://www.cityofmadison.com/parks');
    expect(stored).toContain(EXTERNAL_LINK_DISCLAIMER);
    expect(await events(h, 'post.fixed')).toHaveLength(2);

    // Check and continue shows the post as it will read, with Submit; submit sends Dana the approval card.
    card = (await pat.click({ verb: 'post.step', postId, nav: 'next', ...composeValues(card), image1Url: 'https://www.cityofmadison.com/pool.jpg', image1Alt: 'The empty pool before opening day' })).card;
    expect(action(card, 'post.submit')).toBeDefined();
    card = (await pat.click({ verb: 'post.submit', postId })).card;
    expect(cardText(card)).toContain('Waiting for approval');
    const round1 = await h.bot.db.postRound.findFirstOrThrow({ where: { postId, round: 1 } });
    expect(round1).toMatchObject({ status: 'pending', approverId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } })).id });
    expect(round1.cardHash).toMatch(/^[0-9a-f]{64}$/);

    // The drafter cannot approve (POST-6): nothing changes.
    const own = (await pat.click({ verb: 'post.decide', roundId: round1.id, decision: 'approve' })).card;
    expect(cardText(own)).toContain('You drafted this post');
    expect(await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round1.id } })).toMatchObject({ status: 'pending' });

    // Return needs a reason; then the drafter revises and resubmits, keeping round 1.
    expect(cardText((await dana.click({ verb: 'post.decide', roundId: round1.id, decision: 'return' })).card)).toContain('Say what to change');
    const shortCard = (await dana.click({ verb: 'post.decide', roundId: round1.id, decision: 'return', reason: 'Say what time it opens.' })).card;
    // Issue 10: the decider gets the short card; the decided card is one click away.
    expect(cardText(shortCard)).toContain('You returned the post for');
    const returned = (await dana.click({ verb: 'post.review', roundId: round1.id })).card;
    expect(cardText(returned)).toContain('Returned by Dana Reyes');
    // The drafter is told, with the button to revise (through the outbox, in the decision's transaction).
    const told = await h.bot.db.outboxMessage.findMany({ where: { activity: { contains: 'Your post was returned' } } });
    expect(told).toHaveLength(1);
    expect(told[0].activity).toContain('Say what time it opens.');
    expect(told[0].activity).toContain('"verb":"post.edit"');
    expect(cardActions(returned).filter((a) => a.verb === 'post.decide')).toHaveLength(0);
    card = (await pat.click({ verb: 'post.edit', postId })).card;
    expect(cardText(card)).toContain('Say what time it opens.');
    card = (await pat.click({ verb: 'post.step', postId, nav: 'next', ...composeValues(card), text: `Goodman Pool opens Saturday at 10 AM. ${stored.slice('Goodman Pool opens Saturday. '.length)}` })).card;
    await pat.click({ verb: 'post.submit', postId });
    const round2 = await h.bot.db.postRound.findFirstOrThrow({ where: { postId, round: 2 } });
    expect(JSON.parse(round2.snapshot).text).toContain('10 AM');
    expect(JSON.parse((await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round1.id } })).snapshot).text).not.toContain('10 AM');

    // Concurrent approve clicks give one decision.
    const clicks = await Promise.all([1, 2, 3].map(() => dana.click({ verb: 'post.decide', roundId: round2.id, decision: 'approve' })));
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    const decided = (await events(h, 'post.decided')).filter((e) => JSON.parse(e.data).round === 2);
    expect(decided).toHaveLength(1);
    expect(JSON.parse(decided[0].data).shownCardSha256).toBe(round2.cardHash);
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'approved' });
    expect(await h.bot.db.outboxMessage.count({ where: { activity: { contains: 'Your post is approved' } } })).toBe(1);
    // A late click gets the card as it stands, saying nothing happened.
    const late = cardText((await dana.click({ verb: 'post.decide', roundId: round2.id, decision: 'return', reason: 'Too late.' })).card);
    expect(late).toContain('Approved by Dana Reyes');
    expect(late).toContain('already decided');

    // Mark as published sets the presence's last activity.
    card = (await pat.click({ verb: 'post.publish', postId, url: 'https://www.instagram.com/p/abc123' })).card;
    expect(cardText(card)).toContain('Published');
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'published', publishedUrl: 'https://www.instagram.com/p/abc123' });
    expect((await h.bot.db.presence.findUniqueOrThrow({ where: { id: parksId } })).lastActivityAt).not.toBeNull();
    const mine = cardText((await pat.say('my posts'))[0]);
    expect(mine).toContain('@MadisonParks · Published');

    // Public records (REC-2): the post and both its rounds, with what the approver saw, in the presence's export.
    const zip = unzip(await exportToBuffer(h.bot.db, { presenceIds: [parksId] }, new Date()));
    expect(jsonRows(zip, 'posts').find((p: any) => p.id === postId)).toMatchObject({ status: 'published', publishedUrl: 'https://www.instagram.com/p/abc123', drafter: 'Pat Parker' });
    expect(jsonRows(zip, 'post-rounds').filter((r: any) => r.postId === postId).map((r: any) => [r.round, r.status, r.reason])).toEqual([[1, 'returned', 'Say what time it opens.'], [2, 'approved', null]]);
  });

  /** A post that passes every blocking check, submitted; returns its id and its pending round. */
  async function submitted(text: string) {
    const postId = action((await pat.click({ verb: 'post.new', presenceId: parksId })).card, 'post.step')!.data.postId as string;
    await pat.click({ verb: 'post.step', postId, nav: 'next', text });
    await pat.click({ verb: 'post.submit', postId });
    return { postId, round: await h.bot.db.postRound.findFirstOrThrow({ where: { postId, status: 'pending' } }) };
  }

  it('POST-5: a safety flag reaches the approver, who must give a reason to approve anyway', async () => {
    const { round } = await submitted('Call Jo at 608-555-0142 to join the clean-up. Details: https://www.cityofmadison.com/parks');
    const card = (await dana.click({ verb: 'post.open', postId: round.postId })).card;
    expect(cardText(card)).toContain('Safety flag, the approver decides (1)');
    const bare = (await dana.click({ verb: 'post.decide', roundId: round.id, decision: 'approve' })).card;
    expect(cardText(bare)).toContain('give your reason to approve it anyway');
    expect(await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: 'pending' });
    await dana.click({ verb: 'post.decide', roundId: round.id, decision: 'approve', reason: 'Jo is the volunteer coordinator; it is her City line.' });
    expect(await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: 'approved', reason: 'Jo is the volunteer coordinator; it is her City line.' });
  });

  it('the approved version is frozen: an edit makes a new version that needs approval again', async () => {
    const { postId, round } = await submitted('Ice skating at Tenney Park opens today. Conditions: https://www.cityofmadison.com/parks');
    await dana.click({ verb: 'post.decide', roundId: round.id, decision: 'approve' });
    const edit = (await pat.click({ verb: 'post.open', postId })).card;
    expect(action(edit, 'post.edit')!.title).toBe('Edit (new version)');
    await pat.click({ verb: 'post.step', postId, nav: 'save', text: 'Ice skating at Tenney Park opens tomorrow. Conditions: https://www.cityofmadison.com/parks' });
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'draft' });
    expect(JSON.parse((await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round.id } })).snapshot).text).toContain('opens today');
    // Not publishable until approved again.
    const refused = (await pat.click({ verb: 'post.publish', postId, url: 'https://www.instagram.com/p/early' })).card;
    expect(cardText(refused)).toContain('only an approved post can be published');
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: 'draft', publishedUrl: null });
  });

  it('a fix from an older card is not applied; the post comes back as it stands', async () => {
    const first = (await pat.click({ verb: 'post.new', presenceId: parksId })).card;
    const postId = action(first, 'post.step')!.data.postId as string;
    const stale = (await pat.click({ verb: 'post.step', postId, nav: 'save', text: 'Lake Monona is frozen? Read more at https://ice.example.org' })).card;
    await pat.click({ verb: 'post.step', postId, nav: 'save', text: 'Check the ice before you walk on it.' });
    const before = (await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).draft;
    const res = (await pat.click({ verb: 'post.fix', ...action(stale, 'post.fix', 'disclaimer-missing')!.data })).card;
    expect(cardText(res)).toContain('The post changed since this card was shown');
    expect((await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).draft).toBe(before);
  });

  it('POST-6: the drafter never decides their own post, even as the head of its department', async () => {
    const pat_ = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: pat_.id, role: 'department_head', departmentId: 'parks' });
    const { round } = await submitted('Leaf collection starts Monday. Schedule: https://www.cityofmadison.com/parks');
    for (const decision of ['approve', 'return'] as const) {
      const refused = (await pat.click({ verb: 'post.decide', roundId: round.id, decision, reason: 'My own post is fine.' })).card;
      expect(cardText(refused)).toContain('You drafted this post, so someone else approves it');
    }
    expect(await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: 'pending', deciderId: null });
    const isApproval = (c: { body?: { attachments?: Array<{ content: unknown }> } }) => Boolean(c.body?.attachments?.[0] && cardText(c.body.attachments[0].content).includes('Leaf collection starts Monday') && cardText(c.body.attachments[0].content).includes('Approve a post'));
    const [sent] = await h.connector.waitFor(isApproval);
    const approval = sent.body.attachments[0].content;
    expect(cardText(approval)).toContain('Dana Reyes decides as approving authority. You can approve as department head');
  });

  it("POST-6: a department's post-approval channel gets its own department's posts only; the approver still gets theirs", async () => {
    const [parksRoom, libraryRoom] = [channel('Parks posts'), channel('Library posts')];
    const morgan = h.user('Morgan Lee');
    const form = (await morgan.say('bind channel', { channel: parksRoom }))[0];
    const departments = await h.bot.db.department.findMany();
    const parksName = departments.find((d) => d.id === 'parks')!.name;
    expect(JSON.stringify(form)).toContain(`"title":"${parksName}","value":"parks"`);
    // A department that is not in the list binds nothing.
    const bad = (await morgan.click({ verb: 'channels.bind', purpose: 'post_approval', departmentId: 'nowhere' }, { channel: parksRoom })).card;
    expect(cardText(bad)).toContain('That department is not in the list');
    expect(await h.bot.db.channelBinding.count({ where: { purpose: { startsWith: 'post_approval' } } })).toBe(0);
    const bound = (await morgan.click({ verb: 'channels.bind', purpose: 'post_approval', departmentId: 'parks' }, { channel: parksRoom })).card;
    expect(cardText(bound)).toContain(`is now the Post approval (${parksName}) channel`);
    await morgan.click({ verb: 'channels.bind', purpose: 'post_approval', departmentId: 'library' }, { channel: libraryRoom });
    expect(await h.bot.db.channelBinding.findUniqueOrThrow({ where: { purpose: 'post_approval:parks' } })).toMatchObject({ departmentId: 'parks', channelId: parksRoom.id });

    const { round } = await submitted('Snowshoe walk at Cherokee Marsh on Sunday. Details: https://www.cityofmadison.com/parks');
    await h.bot.worker.drain();
    const about = (c: any) => cardText(c).includes('Snowshoe walk at Cherokee Marsh');
    expect(channelCards(h, parksRoom).filter((c) => about(c.card))).toHaveLength(1);
    expect(channelCards(h, libraryRoom).filter((c) => about(c.card))).toHaveLength(0);
    expect(await h.bot.db.postRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ channelOutboxId: expect.any(String), cardOutboxId: expect.any(String) });
    // The department head decides in the channel; the channel copy shows the outcome.
    await dana.click({ verb: 'post.decide', roundId: round.id, decision: 'approve' }, { channel: parksRoom });
    await h.bot.worker.drain();
    expect(await h.bot.db.outboxMessage.count({ where: { kind: 'update', updatesId: round.channelOutboxId! } })).toBe(1);
    const personal = await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: round.cardOutboxId! } });
    expect(personal).toMatchObject({ kind: 'send' });
    expect(personal.conversationKey).not.toBe(parksRoom.id);
    expect(cardText((await morgan.say('channels'))[0])).toContain(`Post approval (${parksName})`);
  });

  it("records search (REC-2) finds posts by their words, presence and department, their audit events too", async () => {
    const { postId } = await submitted('Lantern skiing at Elver Park on Friday night. Trails: https://www.cityofmadison.com/parks');
    const morgan = h.user('Morgan Lee');
    const card = (await morgan.click({ verb: 'records.search', presence: '', department: '', person: '', words: 'lantern SKIING', from: '', to: '' })).card;
    expect(cardText(card)).toContain('Words: "lantern SKIING"');
    expect(cardText(card)).toContain('@MadisonParks (instagram): post by Pat Parker, in_review');
    expect(cardText(card)).not.toContain('Lantern skiing at Elver Park');
    const byWords = unzip(await exportToBuffer(h.bot.db, { words: 'Lantern skiing' }));
    expect(jsonRows(byWords, 'posts').map((p: any) => p.id)).toEqual([postId]);
    expect(jsonRows(byWords, 'post-rounds').map((r: any) => r.postId)).toEqual([postId]);
    // Words no post holds match no post; a kind that holds no text matches nothing under a words search.
    expect(jsonRows(unzip(await exportToBuffer(h.bot.db, { words: 'Lantern skating' })), 'posts')).toEqual([]);
    expect(jsonRows(byWords, 'presences')).toEqual([]);
    // The post's audit events (started, submitted) are about its presence and department, not only its people.
    for (const q of [{ presenceIds: [parksId] }, { departmentIds: ['parks'] }]) {
      const events = jsonRows(unzip(await exportToBuffer(h.bot.db, q)), 'audit-events').filter((e: any) => e.entityId === postId).map((e: any) => e.action);
      expect(events).toEqual(['post.started', 'post.draft_saved', 'post.submitted']);
    }
    const library = jsonRows(unzip(await exportToBuffer(h.bot.db, { departmentIds: ['library'] })), 'audit-events');
    expect(library.filter((e: any) => e.entityId === postId)).toEqual([]);
  });

  it('refuses a post too long for a Teams card, saving nothing', async () => {
    const postId = action((await pat.click({ verb: 'post.new', presenceId: parksId })).card, 'post.step')!.data.postId as string;
    const before = await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } });
    const res = (await pat.click({ verb: 'post.step', postId, nav: 'save', text: '公'.repeat(4_000) })).card;
    expect(cardText(res)).toContain('too long to show on a Teams card');
    expect(await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).toEqual(before);
  });
});

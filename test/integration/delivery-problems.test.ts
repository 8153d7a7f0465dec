import { aadFor, Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel, type TeamsUser } from '../harness/teams-client';

const IT_REVIEW = channel('IT review');

/** Issue 8: admins see the messages Teams never took, with why, and send them again (audited, admins only). */
describe('delivery problems (admins)', () => {
  let h: Harness;
  let morgan: TeamsUser;
  let ivy: TeamsUser;
  let ivyId: string;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    morgan = h.user('Morgan Lee');
    ivy = h.user('Ivy Tran');
    await morgan.install();
    await ivy.install();
    await h.user('Pat Parker').install();
    ivyId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } })).id;
  });
  afterAll(() => h.stop());

  const toIvy = (c: { conversationId?: string; method: string; body?: any }) => c.conversationId === ivy.personalConversationId() && c.method === 'POST' && typeof c.body?.summary === 'string';
  const waitForDead = async () => {
    const deadline = Date.now() + 10_000;
    while (!(await h.bot.db.outboxMessage.count({ where: { status: 'dead' } })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };

  it('lists a dead letter with the reason, and "Send again" delivers it and records who did it', async () => {
    const [empty] = await morgan.say('delivery problems');
    expect(cardText(empty)).toContain('Every message has been delivered');

    h.connector.script(toIvy, { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
    await morgan.click({ verb: 'roles.grant', personId: ivyId, role: 'it_reviewer' });
    await waitForDead();

    const [problems] = await morgan.say('delivery problems');
    const text = cardText(problems);
    expect(text).toContain('1 message could not be delivered');
    expect(text).toContain('Message to Ivy Tran');
    expect(text).toContain('ConversationBlockedByUser');
    const resend = cardActions(problems).find((a) => a.title === 'Send again')!;
    expect(resend.verb).toBe('delivery.resend');

    const before = h.connector.calls.filter(toIvy).length;
    const res = await morgan.click(resend.data);
    expect(cardText(res.card)).toContain('to Ivy Tran again');
    await h.connector.waitFor(toIvy, { count: before + 1 });
    const deadline = Date.now() + 10_000;
    while ((await h.bot.db.outboxMessage.count({ where: { status: 'dead' } })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await h.bot.db.outboxMessage.count({ where: { status: 'dead' } })).toBe(0);
    const audit = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'outbox.resent' } });
    expect(audit).toMatchObject({ actorName: 'Morgan Lee', entityId: resend.data.outboxId });
    expect(JSON.parse(audit.data).previousError).toContain('ConversationBlockedByUser');

    // A second click on the same (now stale) button sends nothing again.
    const again = await morgan.click(resend.data);
    expect(cardText(again.card)).toContain('has been delivered since');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'outbox.resent' } })).toBe(1);
  });

  it('refuses staff, on the command and on a forged "Send again", and changes nothing', async () => {
    h.connector.script(toIvy, { status: 403 });
    await morgan.click({ verb: 'roles.grant', personId: ivyId, role: 'city_attorney' });
    await waitForDead();
    const dead = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'dead' } });

    const pat = h.user('Pat Parker');
    expect(cardText((await pat.say('help'))[0])).not.toContain('Delivery problems');
    expect(cardText((await morgan.say('help'))[0])).toContain('Type **delivery problems**');
    const [refused] = await pat.say('delivery problems');
    expect(cardText(refused)).toContain('Only admins');
    expect(cardText(refused)).not.toContain('Ivy Tran');
    const forged = await pat.click({ verb: 'delivery.resend', outboxId: dead.id });
    expect(cardText(forged.card)).toContain('Only admins');
    expect(await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: 'dead', attempts: dead.attempts });
    expect(await h.bot.db.auditEvent.count({ where: { action: 'outbox.resent' } })).toBe(1);

    const bad = await morgan.click({ verb: 'delivery.resend', outboxId: 'not-a-uuid' });
    expect(cardText(bad.card)).toContain('does not name a message');
  });

  it('"Send again" finds the person\'s chat for a notice that had nowhere to go', async () => {
    const omar = await h.bot.db.person.create({ data: { aadObjectId: aadFor('Omar Said'), name: 'Omar Said' } });
    await morgan.click({ verb: 'roles.grant', personId: omar.id, role: 'it_director' });
    const dead = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { conversationKey: `person:${omar.id}` } });
    expect(dead.status).toBe('dead');

    const early = await morgan.click({ verb: 'delivery.resend', outboxId: dead.id });
    expect(cardText(early.card)).toContain('has not opened Social Steward');
    expect((await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe('dead');

    const omarUser = h.user('Omar Said');
    await omarUser.install();
    await morgan.click({ verb: 'delivery.resend', outboxId: dead.id });
    await h.connector.waitFor((c) => c.conversationId === omarUser.personalConversationId() && typeof c.body?.summary === 'string' && c.status === 200);
  });

  it('a channel card posted before its channel was bound goes to the channel once bound; a superseded copy is not sent twice', async () => {
    const dana = h.user('Dana Reyes');
    await dana.install();
    const danaId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } })).id;
    await morgan.click({ verb: 'roles.grant', personId: danaId, role: 'department_head', departmentId: 'parks' });
    await dana.click({ verb: 'block.request', departmentId: 'parks', sites: 'tiktok.com', reason: 'Staff phones are shared at the front desk.' });
    const block = await h.bot.db.accessBlockRequest.findFirstOrThrow({ where: { departmentId: 'parks' } });
    const card = await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: block.cardOutboxId! } });
    expect(card).toMatchObject({ status: 'dead', conversationKey: 'channel:it_review' });
    // What binding leaves behind when it reposts a review card: the old dead copy, which nothing points at any more.
    const orphan = await h.bot.db.outboxMessage.create({ data: { conversationKey: 'channel:it_review', kind: 'channelPost', reference: '{}', activity: JSON.stringify({ summary: 'IT review: an old copy' }), status: 'dead', lastError: 'no channel is bound to IT review' } });

    const early = await morgan.click({ verb: 'delivery.resend', outboxId: card.id });
    expect(cardText(early.card)).toContain('No channel is bound to IT review yet');

    await morgan.click({ verb: 'channels.bind', purpose: 'it_review' }, { channel: IT_REVIEW });
    const [list] = await morgan.say('delivery problems');
    expect(cardText(list)).toContain('A newer copy of this card was posted');
    expect(cardActions(list).filter((a) => a.title === 'Send again').map((a) => a.data.outboxId)).not.toContain(orphan.id);
    const dup = await morgan.click({ verb: 'delivery.resend', outboxId: orphan.id });
    expect(cardText(dup.card)).toContain('would only duplicate it');
    expect((await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe('dead');

    await morgan.click({ verb: 'delivery.resend', outboxId: card.id });
    await h.connector.waitFor((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === IT_REVIEW.id && c.status === 200 && c.body?.activity?.summary === 'A department asks IT to block social media sites');
  });
});

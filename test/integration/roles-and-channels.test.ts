import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, channel, PERSONAL } from '../harness/teams-client';

const IT_REVIEW = channel('IT review');

describe('roles: admins grant and revoke, everyone else is refused', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    // People exist once they have talked to the bot; their personal chats let the bot notify them.
    await h.user('Ivy Tran').install();
    await h.user('Pat Parker').install();
  });
  afterAll(() => h.stop());

  it('lets an admin grant IT reviewer from the card, tells Ivy, and records it', async () => {
    const morgan = h.user('Morgan Lee');
    const [rolesCard] = await morgan.say('roles');
    expect(cardActions(rolesCard).map((a) => a.verb)).toContain('roles.grant.start');

    const form = await morgan.click({ verb: 'roles.grant.start' });
    const ivy = form.card.body.find((e: any) => e.id === 'personId').choices.find((c: any) => c.title === 'Ivy Tran');
    const granted = await morgan.click({ verb: 'roles.grant', personId: ivy.value, role: 'it_reviewer', departmentId: '' });
    expect(cardText(granted.card)).toContain('Ivy Tran is now IT reviewer');

    const [notice] = await h.connector.waitFor((c) => c.conversationId === h.user('Ivy Tran').personalConversationId() && JSON.stringify(c.body ?? null).includes('You are now IT reviewer'));
    expect(notice.method).toBe('POST');

    const [ivyHelp] = await h.user('Ivy Tran').say('help');
    expect(cardText(ivyHelp)).toContain('Your roles: IT reviewer');

    const events = await h.bot.db.auditEvent.findMany({ where: { action: 'role.granted' } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].data)).toMatchObject({ role: 'it_reviewer', person: 'Ivy Tran' });
  });

  it('sends the form back with the problem beside the field when a department role has no department', async () => {
    const morgan = h.user('Morgan Lee');
    const pat = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    const res = await morgan.click({ verb: 'roles.grant', personId: pat.id, role: 'spokesperson', departmentId: '' });
    const text = cardText(res.card);
    expect(text).toContain('One answer needs fixing');
    expect(text).toContain('hold the role for one department: choose it');
    // What the admin chose is still selected.
    expect(res.card.body.find((e: any) => e.id === 'role').value).toBe('spokesperson');
    expect(await h.bot.db.roleGrant.count({ where: { personId: pat.id } })).toBe(0);
  });

  it('refuses a staffer who clicks Grant on a copied card, and changes nothing', async () => {
    const pat = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Pat Parker' } });
    const before = await h.bot.db.auditEvent.count();
    const res = await h.user('Pat Parker').click({ verb: 'roles.grant', personId: pat.id, role: 'admin' });
    expect(cardText(res.card)).toContain('Only an admin can grant roles');
    expect(await h.bot.db.roleGrant.count({ where: { personId: pat.id } })).toBe(0);
    expect(await h.bot.db.auditEvent.count()).toBe(before);
  });

  it('lets the admin revoke, tells the person, and a second click changes nothing', async () => {
    const morgan = h.user('Morgan Lee');
    const grant = await h.bot.db.roleGrant.findFirstOrThrow({ where: { role: 'it_reviewer' } });
    // Issue 10: the plain Revoke brings a confirm card; only its Yes revokes.
    const asked = await morgan.click({ verb: 'roles.revoke', grantId: grant.id });
    expect(cardText(asked.card)).toContain('Revoke this role?');
    const res = await morgan.click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    expect(cardText(res.card)).toContain('Ivy Tran no longer holds IT reviewer');
    await h.connector.waitFor((c) => JSON.stringify(c.body ?? '').includes('Your IT reviewer role was removed'));
    const again = await morgan.click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    expect(cardText(again.card)).toContain('already been revoked');
    expect(await h.bot.db.auditEvent.count({ where: { action: 'role.revoked' } })).toBe(1);
    // REC-1: the grant is kept as a record, marked revoked, and no longer counts.
    const kept = await h.bot.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(kept.revokedAt).toBeInstanceOf(Date);
    const [ivyHelp] = await h.user('Ivy Tran').say('help');
    expect(cardText(ivyHelp)).not.toContain('IT reviewer');
  });

  it('grants a revoked role again on the same kept record', async () => {
    const grant = await h.bot.db.roleGrant.findFirstOrThrow({ where: { role: 'it_reviewer' } });
    const res = await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: grant.personId, role: 'it_reviewer' });
    expect(cardText(res.card)).not.toContain('already');
    const again = await h.bot.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(again.revokedAt).toBeNull();
    const [ivyHelp] = await h.user('Ivy Tran').say('help');
    expect(cardText(ivyHelp)).toContain('Your roles: IT reviewer');
  });
});

describe('channels: an admin binds a channel to a purpose', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
  });
  afterAll(() => h.stop());

  it('binds the IT review channel from a card typed in that channel, and lists it', async () => {
    const morgan = h.user('Morgan Lee');
    const [form] = await morgan.say('bind channel', { channel: IT_REVIEW });
    expect(cardText(form)).toContain('Bind this channel');
    const res = await morgan.click({ verb: 'channels.bind', purpose: 'it_review' }, { channel: IT_REVIEW });
    expect(cardText(res.card)).toContain('"IT review" is now the IT review channel');

    const binding = await h.bot.db.channelBinding.findUniqueOrThrow({ where: { purpose: 'it_review' } });
    expect(binding.channelId).toBe(IT_REVIEW.id);
    // New threads must go to the channel, not to the thread the command was typed in.
    expect(JSON.parse(binding.reference).conversation.id).toBe(IT_REVIEW.id);

    const [list] = await morgan.say('channels', PERSONAL);
    expect(cardText(list)).toMatch(/IT review\s*\n\s*IT review \(bound by Morgan Lee/);
  });

  it('refuses a non-admin with a clear message and binds nothing', async () => {
    const [reply] = await h.user('Pat Parker').say('bind channel', { channel: channel('City Attorney') });
    expect(cardText(reply)).toContain('Only an admin can bind channels');
    const res = await h.user('Pat Parker').click({ verb: 'channels.bind', purpose: 'city_attorney' }, { channel: channel('City Attorney') });
    expect(cardText(res.card)).toContain('Only an admin can bind channels');
    expect(await h.bot.db.channelBinding.count({ where: { purpose: 'city_attorney' } })).toBe(0);
  });

  it("looks up the channel's name from Teams when the message does not carry it", async () => {
    const attorney = channel('City Attorney');
    h.connector.teamChannels = [{ id: '19:general@thread.tacv2' }, { id: attorney.id, name: 'City Attorney' }];
    const morgan = h.user('Morgan Lee');
    const click = morgan.activity('invoke', { channel: attorney }, { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'channels.bind', data: { verb: 'channels.bind', purpose: 'city_attorney' } } } });
    delete (click.channelData as { channel: { name?: string } }).channel.name;
    const res = await morgan.post(click);
    expect(cardText(res.body.value)).toContain('"City Attorney" is now the City Attorney channel');
    expect((await h.bot.db.channelBinding.findUniqueOrThrow({ where: { purpose: 'city_attorney' } })).channelName).toBe('City Attorney');
  });

  it('asks for a purpose when none is chosen', async () => {
    const res = await h.user('Morgan Lee').click({ verb: 'channels.bind', purpose: '' }, { channel: IT_REVIEW });
    expect(cardText(res.card)).toContain('Choose what this channel is for');
  });

  it('tells an admin who types bind channel in a personal chat where to do it', async () => {
    const [reply] = await h.user('Morgan Lee').say('bind channel');
    expect(cardText(reply)).toContain('Open the team channel you want to bind');
  });
});

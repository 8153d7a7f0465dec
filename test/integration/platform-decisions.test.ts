import { Harness } from '../harness/bot-harness';
import { cardActions, cardText, type TeamsUser } from '../harness/teams-client';
import { approveAsAuthority, fillRequest, parksAnswers, setUp, waitForCards, IT_REVIEW } from '../harness/presence-flow';

const REASONING = 'Instagram posts and comments can be exported and kept for the retention period; direct messages are turned off.';

/** REQ-7 (APM, Role of IT 2): the IT Director's lasting decision per platform under sec. 3.70(3)(b)9 MGO. */
describe('REQ-7 platform decisions by the IT Director', () => {
  let h: Harness;
  let pat: TeamsUser;
  let morgan: TeamsUser;
  const directorCards = () => h.connector.cards((c) => c.conversationId === morgan.personalConversationId() && c.method === 'POST' && JSON.stringify(c.body ?? null).includes('Platform decision'));
  const submitThroughAuthority = async (answers: Record<number, Record<string, string>>) => {
    const { requestId } = await fillRequest(pat, answers);
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId);
    return requestId;
  };

  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    [pat, morgan] = [h.user('Pat Parker'), h.user('Morgan Lee')];
    await morgan.click({ verb: 'roles.grant', personId: (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Morgan Lee' } })).id, role: 'it_director' });
  });
  afterAll(() => h.stop());

  it('flags an undecided platform on the IT card and asks the IT Director once; the decision is recorded once, with its reasoning, and shown on the next request', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    await submitThroughAuthority(answers);
    const [itCard] = await waitForCards(h, IT_REVIEW, 1);
    expect(cardText(itCard.card)).toContain('⚑ Instagram: Platform not yet decided by the IT Director');
    await h.connector.waitFor((c) => c.conversationId === morgan.personalConversationId() && c.body?.summary === 'Instagram: a platform the IT Director has not decided on yet');
    const row = await h.bot.db.platformDecision.findUniqueOrThrow({ where: { platform: 'instagram' } });
    expect(row.status).toBe('pending');

    // Nobody else decides, and the reasoning is required; neither changes anything.
    const before = await h.bot.db.auditEvent.count();
    const forged = await h.user('Ivy Tran').click({ verb: 'platform.decide', decisionId: row.id, decision: 'allowed', reasoning: REASONING });
    expect(cardText(forged.card)).toContain('Only the IT Director can see and decide on a platform. Nothing was changed.');
    const bare = await morgan.click({ verb: 'platform.decide', decisionId: row.id, decision: 'allowed', reasoning: '' });
    expect(cardText(bare.card)).toContain('Give the public-records reasoning under sec. 3.70(3)(b)9 MGO');
    expect(await h.bot.db.auditEvent.count()).toBe(before);

    const decided = await morgan.click({ verb: 'platform.decide', decisionId: row.id, decision: 'allowed', reasoning: REASONING });
    expect(cardText(decided.card)).toMatch(/Allowed by Morgan Lee on /);
    expect(cardActions(decided.card)).toHaveLength(0);
    const again = await morgan.click({ verb: 'platform.decide', decisionId: row.id, decision: 'not_allowed', reasoning: REASONING });
    expect(cardText(again.card)).toContain('This was already decided; your click did not change anything.');
    expect(await h.bot.db.platformDecision.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'allowed', reasoning: REASONING });
    const events = await h.bot.db.auditEvent.findMany({ where: { action: 'platform.decided' } });
    expect(events.map((e) => JSON.parse(e.data))).toEqual([expect.objectContaining({ platform: 'instagram', decision: 'allowed', reasoning: REASONING, shownCardSha256: row.cardHash })]);

    // The next Instagram request: the decision on the IT card and on Pat's summary; the IT Director is not asked again.
    const next = await submitThroughAuthority({ ...answers, 1: { ...answers[1], handle: '@MadisonParksKids' } });
    const [, secondCard] = await waitForCards(h, IT_REVIEW, 2);
    expect(cardText(secondCard.card)).toContain(`Instagram: Allowed by the IT Director on`);
    expect(cardText(secondCard.card)).toContain(REASONING);
    expect(cardText(secondCard.card)).not.toContain('⚑');
    const summary = await pat.click({ verb: 'request.open', requestId: next });
    expect(cardText(summary.card)).toContain(`Reasoning: ${REASONING}`);
    expect(directorCards()).toHaveLength(1);
  });

  it('refuses at submit a request for a platform the IT Director decided is not allowed, saying why', async () => {
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const other = (name: string, handle: string) => ({ ...answers, 1: { ...answers[1], platform: 'other', platformOther: name, handle } });
    await submitThroughAuthority(other('Snapchat', '@MadisonParksSnap'));
    const row = await h.bot.db.platformDecision.findUniqueOrThrow({ where: { platform: 'other:snapchat' } });
    await morgan.click({ verb: 'platform.decide', decisionId: row.id, decision: 'not_allowed', reasoning: 'Snaps disappear: the City cannot keep them as public records.' });

    const { requestId } = await fillRequest(pat, other(' snapchat ', '@MadisonParksSnap2'));
    const refused = await pat.click({ verb: 'request.submit', requestId });
    expect(cardText(refused.card)).toContain('Step 1 of 5');
    expect(cardText(refused.card)).toContain('Snapchat does not let the City meet the Wisconsin Public Records Law (sec. 3.70(3)(b)9 MGO): Snaps disappear');
    expect((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('draft');
    expect(await h.bot.db.review.count({ where: { requestId } })).toBe(0);
  });
});

import { Harness } from '../harness/bot-harness';
import { cardText } from '../harness/teams-client';

/**
 * The outbox worker is woken by a turn that enqueued, after its commit, and otherwise only by its timed poll: a turn
 * that sends nothing must not make the worker read the outbox (docs/decisions/0008-turn-cost.md). The timed poll is
 * set to ten minutes here, so any round the worker runs during the test was caused by a turn.
 */
describe('the outbox worker is woken by turns that enqueued, and only by them', () => {
  let h: Harness;
  let rounds: jest.SpyInstance;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'], env: { OUTBOX_POLL_MS: '600000' } });
    await h.user('Morgan Lee').install();
    await h.user('Ivy Tran').install();
    await h.bot.worker.drain();
    rounds = jest.spyOn(h.bot.worker, 'tick');
  });
  afterAll(() => h.stop());

  it('runs no outbox round for turns that enqueue nothing (help, a refused click, an unknown verb)', async () => {
    for (let i = 0; i < 5; i++) await h.user('Ivy Tran').say('help');
    await h.user('Ivy Tran').click({ verb: 'roles.grant.start' });
    await h.user('Ivy Tran').click({ verb: 'no.such.verb' });
    await new Promise((r) => setTimeout(r, 300));
    expect(rounds).not.toHaveBeenCalled();
  });

  it('delivers the notice of a grant at once, long before the timed poll', async () => {
    const ivy = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } });
    const granted = await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: ivy.id, role: 'it_reviewer', departmentId: '' });
    expect(cardText(granted.card)).toContain('Ivy Tran is now IT reviewer');
    await h.connector.waitFor((c) => c.conversationId === h.user('Ivy Tran').personalConversationId() && c.body?.summary === 'You are now IT reviewer in Social Steward', { timeoutMs: 5000 });
    expect(rounds).toHaveBeenCalled();
  });
});

import { Harness } from '../harness/bot-harness';
import { cardText } from '../harness/teams-client';

/** Issue 8: a typed command while Teams throttles the reply must never leave the person with nothing. */
describe('a typed command while Teams throttles the reply', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    await h.user('Pat Parker').install();
  });
  afterAll(() => h.stop());

  const toPat = (c: { conversationId?: string; method: string }) => c.conversationId === h.user('Pat Parker').personalConversationId() && c.method === 'POST';
  /** Help cards Teams accepted (a throttled attempt does not reach the person). */
  const helpCards = () => h.connector.cards((c) => toPat(c) && c.status === 200).filter((c) => cardText(c.card).includes('What you can do'));

  it('replies inline once Teams accepts, when the throttle is short', async () => {
    const before = helpCards().length;
    h.connector.script(toPat, { status: 429, headers: { 'retry-after': '1' } }, 1);
    const pat = h.user('Pat Parker');
    const started = Date.now();
    const res = await pat.post(pat.activity('message', { personal: true }, { text: 'help' }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(helpCards()).toHaveLength(before + 1);
  });

  it('answers HTTP 200 within 15 s and queues the reply when Teams keeps throttling; the card arrives once Teams accepts', async () => {
    const before = helpCards().length;
    h.connector.script(toPat, { status: 429, headers: { 'retry-after': '20' } }, 1);
    h.connector.script(toPat, { status: 429, headers: { 'retry-after': '1' } }, 2);
    const pat = h.user('Pat Parker');
    const message = pat.activity('message', { personal: true }, { text: 'help' });
    const started = Date.now();
    const res = await pat.post(message);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    const queued = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { conversationKey: pat.personalConversationId() }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(queued.activity).attachments[0].content.body.map((e: any) => e.text).join(' ')).toContain('What you can do');
    // Teams asked for 20 s, longer than a reply may wait; the outbox is throttled twice more, then delivers the card.
    const deadline = Date.now() + 20_000;
    while ((await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await h.bot.db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: 'sent', throttledAttempts: 2 });
    expect(helpCards()).toHaveLength(before + 1);
    expect(h.logLines.some((l) => l.includes('reply queued through the outbox'))).toBe(true);
  }, 60_000);
});

import fc from 'fast-check';
import { Harness } from '../harness/bot-harness';
import { cardText, PERSONAL, type TeamsUser } from '../harness/teams-client';
import { setUp } from '../harness/presence-flow';
import { VERBS, type Verb } from '../../src/verbs';

/**
 * Issue 16: every card verb in the map, clicked with random, missing, wrong-typed, oversized and prototype-polluting
 * data by a staffer and by an admin. Whatever arrives, the bot answers the invoke (never a 5xx, never silence, never
 * the apology for a fault), and a click whose data names nothing that exists changes nothing.
 */
const KEYS = ['requestId', 'reviewId', 'presenceId', 'policyId', 'blockId', 'grantId', 'outboxId', 'departmentId', 'personId', 'step', 'nav',
  'decision', 'reason', 'role', 'purpose', 'version', 'to', 'handle', 'platform', 'password', 'p1', 'personalUse', '__proto__', 'constructor', 'toString'];
const ODD_STRINGS = ['', ' ', '__proto__', 'constructor', 'hasOwnProperty', '💥🚀', 'ß\u0301\u200d', "'; DROP TABLE Person; --", '<script>alert(1)</script>', 'x'.repeat(60_000)];

const oddValue = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string(),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const oddData = fc.dictionary(fc.constantFrom(...KEYS), oddValue, { maxKeys: 6 });

/** Verbs that may change something with data of their own (a new draft, a search's export): their own journeys test them. */
const MAY_CHANGE = new Set<Verb>(['request.start', 'policy.file.start', 'records.export']);

describe('issue 16: fuzzed data on every card verb', () => {
  let h: Harness;
  let people: TeamsUser[];
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'], env: { LOG_LEVEL: 'warn' } });
    await setUp(h);
    people = [h.user('Pat Parker'), h.user('Morgan Lee')];
  }, 60_000);
  afterAll(() => h.stop());

  const rows = async () => JSON.stringify(await Promise.all([h.bot.db.auditEvent.count(), h.bot.db.outboxMessage.count(), h.bot.db.presenceRequest.count(), h.bot.db.roleGrant.count()]));

  it.each(Object.keys(VERBS) as Verb[])('%s: answered, never a fault, and nothing changed by data that names nothing', async (verb) => {
    await fc.assert(
      fc.asyncProperty(oddData, fc.constantFrom(...people), async (data, person) => {
        const before = await rows();
        const res = await person.click({ ...data, verb }, PERSONAL);
        expect(res.status).toBe(200);
        const answered = res.card ? !cardText(res.card).includes('Sorry, something went wrong') : res.body?.type === 'application/vnd.microsoft.error';
        expect({ verb, data, answered }).toEqual({ verb, data, answered: true });
        if (!MAY_CHANGE.has(verb)) expect(await rows()).toBe(before);
      }),
      { numRuns: 12 },
    );
  });

  it('refuses a 1 MB click at the HTTP boundary (413) and keeps answering', async () => {
    const pat = people[0];
    const res = await pat.click({ verb: 'request.step', requestId: 'x', handle: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect((await pat.click({ verb: 'help.show' })).status).toBe(200);
  });
});

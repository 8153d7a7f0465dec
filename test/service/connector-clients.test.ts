import type { TurnContext } from 'botbuilder';
import { ServiceWorld } from '../harness/service-world';
import { createAdapter } from '../../src/teams/adapter';

/**
 * Issue 16: botbuilder builds a connector client (an HTTP pipeline of a dozen policies) for every proactive message;
 * the outbox sends thousands in a weekly sweep, so one client per service URL serves them all.
 */
describe('connector clients for proactive messages', () => {
  let w: ServiceWorld;
  beforeAll(async () => {
    w = await ServiceWorld.start();
  });
  afterAll(() => w.stop());

  it('one client per service URL, whichever message asks', async () => {
    const adapter = createAdapter(w.services.config);
    const clientFor = async (serviceUrl: string) => {
      let client: unknown;
      const reference = { serviceUrl, channelId: 'msteams', conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: 'Social Steward' } };
      await adapter.continueConversationAsync('', reference, async (ctx: TurnContext) => {
        client = ctx.turnState.get(ctx.adapter.ConnectorClientKey);
      });
      return client;
    };
    const first = await clientFor('https://smba.trafficmanager.net/amer/');
    expect(first).toBeDefined();
    expect(await clientFor('https://smba.trafficmanager.net/amer/')).toBe(first);
    expect(await clientFor('https://smba.trafficmanager.net/emea/')).not.toBe(first);
  });
});

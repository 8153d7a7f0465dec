import { Harness } from '../harness/bot-harness';
import { TokenIssuer } from '../harness/token-issuer';
import { PERSONAL } from '../harness/teams-client';

const BOT_ID = '6f1c2a5e-1b0e-4c53-9a55-2a4c8b7d0e11';
const TENANT = '0b7e1c2a-5a4e-4d8e-9d55-3f1f6a9c0001';

/** With a Bot ID set, only a token the channel signed, for this bot, still valid, lets an activity through. */
describe('authentication with a Bot ID set', () => {
  let h: Harness;
  let issuer: TokenIssuer;
  beforeAll(async () => {
    issuer = await new TokenIssuer().start();
    h = await Harness.start({ env: { BOT_ID, BOT_PASSWORD: 'not-used-offline', BOT_TENANT_ID: TENANT, BOT_OPENID_METADATA_URL: issuer.metadataUrl } });
  });
  afterAll(async () => {
    await h.stop();
    await issuer.stop();
  });

  const pat = () => h.user('Pat Parker');
  const helpClick = () => pat().activity('invoke', PERSONAL, { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'help.show', data: { verb: 'help.show' } }, trigger: 'manual' } });
  const claimsFor = (activity: { serviceUrl: string }) => ({ aud: BOT_ID, serviceurl: activity.serviceUrl });
  const traces = async () => ({ people: await h.bot.db.person.count(), events: await h.bot.db.auditEvent.count(), calls: h.connector.calls.length });

  const forged: Array<[string, (a: { serviceUrl: string }) => string | undefined]> = [
    ['no token', () => undefined],
    ['an unsigned token (alg: none)', (a) => issuer.token(claimsFor(a), { alg: 'none' })],
    ['a token signed with a key the issuer never published', (a) => issuer.token(claimsFor(a), { key: TokenIssuer.otherKey() })],
    ['a token for another audience', (a) => issuer.token({ ...claimsFor(a), aud: '00000000-0000-4000-8000-000000000bad' })],
    ['an expired token', (a) => issuer.token({ ...claimsFor(a), nbf: 1_600_000_000, iat: 1_600_000_000, exp: 1_600_000_600 })],
    ['a token from another issuer', (a) => issuer.token({ ...claimsFor(a), iss: 'https://sts.windows.net/attacker/' })],
    ['a token for another service URL', (a) => issuer.token({ ...claimsFor(a), serviceurl: 'https://smba.attacker.example/' })],
  ];

  it.each(forged)('refuses %s with 401, and nothing reaches a handler', async (_name, tokenFor) => {
    const before = await traces();
    const activity = helpClick();
    const token = tokenFor(activity);
    const res = await pat().post(activity, token ? { authorization: `Bearer ${token}` } : {});
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body ?? '')).not.toContain('Social Steward');
    expect(await traces()).toEqual(before);
  });

  it('lets a token the channel signed for this bot through (so the refusals above are about the token)', async () => {
    const before = await traces();
    const activity = helpClick();
    const res = await pat().post(activity, { authorization: `Bearer ${issuer.token(claimsFor(activity))}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect((await traces()).people).toBe(before.people + 1);
  });
});

import type { OutboxMessage } from '@prisma/client';
import { isAllowedHost, isPublicAddress, webhookUrlProblem } from '../../src/domain/webhooks';
import { sealCredential } from '../../src/domain/credential-crypto';
import { DeliveryError } from '../../src/notify/outbox-worker';
import { WebhookSender } from '../../src/notify/webhook-sender';

/** Issue 12: outgoing webhook requests never reach private, loopback or link-local addresses (SSRF). */
describe('webhook addresses', () => {
  it('only public unicast addresses pass, IPv4-mapped IPv6 judged as IPv4', () => {
    for (const a of ['8.8.8.8', '2606:4700::1111']) expect([a, isPublicAddress(a)]).toEqual([a, true]);
    const refused = ['127.0.0.1', '10.0.0.8', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1', 'not-an-ip'];
    for (const a of refused) expect([a, isPublicAddress(a)]).toEqual([a, false]);
  });

  it('subscriber addresses: https only (http for an allowed host), no credentials or fragment', () => {
    expect(webhookUrlProblem('https://hooks.example.org/x', [])).toBeUndefined();
    expect(webhookUrlProblem('http://hooks.example.org/x', [])).toContain('https://');
    expect(webhookUrlProblem('http://intranet.city/x', ['intranet.city'])).toBeUndefined();
    expect(webhookUrlProblem('https://u:p@hooks.example.org/x', [])).toContain('password');
    expect(webhookUrlProblem('https://hooks.example.org/x#y', [])).toContain('#');
    expect(webhookUrlProblem('not a url', [])).toContain('full address');
    expect(isAllowedHost('Intranet.City', ['intranet.city'])).toBe(true);
    expect(isAllowedHost('[::1]', ['::1'])).toBe(true);
    expect(isAllowedHost('evil.example', ['intranet.city'])).toBe(false);
  });
});

describe('WebhookSender refuses before connecting', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const sub = { id: '11111111-1111-4111-8111-111111111111', url: 'https://hooks.example.org/in', state: 'active', secret: sealCredential(key, { login: 'webhook', password: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, '11111111-1111-4111-8111-111111111111') };
  const db = { webhookSubscriber: { findFirst: async () => sub } } as any;
  const row = { id: 'row-1', kind: 'webhook', conversationKey: `webhook:${sub.id}`, activity: JSON.stringify({ summary: 's', event: { type: 'post.approved', timestamp: new Date(0).toISOString(), data: {} } }) } as OutboxMessage;
  const failureOf = async (resolve: (h: string) => Promise<Array<{ address: string; family: number }>>, allowedHosts: string[] = []) => {
    const err = await new WebhookSender(db, { credentialKey: key, allowedHosts, timeoutMs: 500, resolve }).deliver(row).then(() => undefined, (e) => e);
    return err instanceof DeliveryError ? err.failure : err;
  };

  it('a name that resolves to a cloud metadata address is refused for good (a dead letter, not a retry)', async () => {
    expect(await failureOf(async () => [{ address: '169.254.169.254', family: 4 }])).toMatchObject({ kind: 'no-target', message: expect.stringContaining('169.254.169.254') });
  });

  it('one private address among public ones is enough to refuse (every address is checked)', async () => {
    expect(await failureOf(async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.1.1.1', family: 4 }])).toMatchObject({ kind: 'no-target', message: expect.stringContaining('10.1.1.1') });
  });

  it('a host an admin allowed skips the check and is called (here: nothing listens, so a network failure to retry)', async () => {
    expect(await failureOf(async () => [{ address: '127.0.0.1', family: 4 }], ['hooks.example.org'])).toMatchObject({ kind: 'network' });
  });
});

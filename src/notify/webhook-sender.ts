import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { OutboxMessage } from '@prisma/client';
import { Webhook } from 'standardwebhooks';
import { isAllowedHost, isPublicAddress } from '../domain/webhooks';
import { openCredential } from '../domain/credential-crypto';
import type { Db } from '../store/prisma';
import { DeliveryError, type Sender } from './outbox-worker';
import { ZWebhookActivity } from './webhook-outbox';

export interface WebhookSenderOptions {
  credentialKey: string;
  allowedHosts: readonly string[];
  timeoutMs: number;
  /** DNS, injectable so a test can make a name resolve to a private address. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

const BODY_CAP = 4_096;

/**
 * Delivers webhook outbox rows, signed per Standard Webhooks (webhook-id is the outbox row id, so a retry carries
 * the same id and the receiver can drop a duplicate). Before each request the host is resolved and EVERY address
 * must be public (no private, loopback, link-local...) unless an admin allowed the host; the request then goes to
 * the address that was checked, so a second DNS answer cannot point it elsewhere. No redirects are followed.
 */
export class WebhookSender implements Sender {
  constructor(private readonly db: Db, private readonly opts: WebhookSenderOptions) {}

  async deliver(row: OutboxMessage): Promise<{ activityId: string }> {
    const sub = await this.db.webhookSubscriber.findFirst({ where: { id: row.conversationKey.slice('webhook:'.length) } });
    if (!sub) throw new DeliveryError({ kind: 'no-target', message: 'the subscriber no longer exists' });
    if (sub.state !== 'active') throw new DeliveryError({ kind: 'no-target', message: 'the subscriber was disabled by an admin' });
    const parsed = ZWebhookActivity.safeParse(JSON.parse(row.activity));
    if (!parsed.success) throw new DeliveryError({ kind: 'no-target', message: 'the stored event is unreadable' });
    const url = new URL(sub.url);
    const pinned = await this.vetted(url.hostname);
    const body = JSON.stringify(parsed.data.event);
    const secret = openCredential(this.opts.credentialKey, sub.secret, sub.id).password;
    const at = new Date();
    const signature = new Webhook(secret).sign(row.id, at, body);
    const headers = { 'webhook-id': row.id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
    const status = await this.post(url, pinned, body, headers);
    if (status < 200 || status > 299) throw new DeliveryError({ kind: 'http', status, message: `the subscriber answered HTTP ${status}` });
    return { activityId: row.id };
  }

  /** The address to connect to, after checking every address the name resolves to. */
  private async vetted(hostname: string): Promise<{ address: string; family: number }> {
    const host = hostname.replace(/^\[|\]$/g, '');
    const resolve = this.opts.resolve ?? ((h: string) => lookup(h, { all: true, verbatim: true }));
    let addresses: Array<{ address: string; family: number }>;
    try {
      addresses = await resolve(host);
    } catch (err) {
      throw new DeliveryError({ kind: 'network', message: `could not resolve ${host}: ${(err as Error).message}` });
    }
    if (!addresses.length) throw new DeliveryError({ kind: 'network', message: `${host} has no address` });
    if (!isAllowedHost(host, this.opts.allowedHosts)) {
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused) throw new DeliveryError({ kind: 'no-target', message: `refused: ${host} resolves to ${refused.address}, a private, loopback or link-local address (an admin may allow the host in WEBHOOK_ALLOWED_HOSTS)` });
    }
    return addresses[0];
  }

  private post(url: URL, to: { address: string; family: number }, body: string, signed: Record<string, string>): Promise<number> {
    const lookupPinned: LookupFunction = (_host, options, cb) => {
      if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [to]);
      else cb(null, to.address, to.family);
    };
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', lookup: lookupPinned, timeout: this.opts.timeoutMs, headers: { 'content-type': 'application/json', 'user-agent': 'SocialSteward-Webhooks/1', ...signed } }, (res) => {
        let read = 0;
        res.on('data', (c: Buffer) => {
          read += c.length;
          if (read > BODY_CAP) res.destroy();
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('close', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(res.statusCode ?? 0));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.opts.timeoutMs} ms`)));
      req.on('error', (err) => reject(new DeliveryError({ kind: 'network', message: err.message })));
      req.end(body);
    });
  }
}

/** The worker's one sender: webhook rows go to the subscriber, everything else to Teams. */
export function routeByKind(teams: Sender, webhooks: Sender): Sender {
  return { deliver: (row, original) => (row.kind === 'webhook' ? webhooks.deliver(row, original) : teams.deliver(row, original)) };
}

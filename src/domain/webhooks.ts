import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** The events a subscriber may ask for (issue 12); each is enqueued in the transaction of the change it reports. */
export const WEBHOOK_EVENTS = ['post.approved', 'post.published', 'presence.registered', 'presence.state_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'post.approved': 'A post is approved',
  'post.published': 'A post is marked published',
  'presence.registered': 'An account goes live in the registry',
  'presence.state_changed': 'An account is suspended, reactivated or retired',
};

export const WEBHOOK_URL_CHARS = 500;

/** A subscriber's address: https (http only for a host an admin allowed), no credentials in it, no fragment. */
export function webhookUrlProblem(raw: string, allowedHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter the full address that will receive the events, like https://www.cityofmadison.com/hooks/social';
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowedHosts.includes(host))) return 'Use an https:// address';
  if (url.username || url.password) return 'Leave the user name and password out of the address; deliveries are signed instead';
  if (url.hash) return 'Leave the #part out of the address';
  return undefined;
}

export const ZWebhookUrl = z.string().trim().min(1, 'Enter the address that will receive the events').max(WEBHOOK_URL_CHARS, `Keep the address under ${WEBHOOK_URL_CHARS} characters`);

/**
 * SSRF guard: only addresses on the public internet may be called. ipaddr.js names the range of every address;
 * IPv4 inside IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** A host an admin listed in WEBHOOK_ALLOWED_HOSTS (exact match, case-insensitive) skips the address check. */
export const isAllowedHost = (host: string, allowed: readonly string[]): boolean => allowed.includes(host.toLowerCase().replace(/^\[|\]$/g, ''));

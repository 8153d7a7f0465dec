import { LinkifyIt } from 'linkify-it';
import type { TextRange } from './types';

/**
 * Finds the web links in a post and decides which lead to a City page (POST-2) and which leave (POST-3).
 * linkify-it finds links the way people write them (with or without a scheme, inside parentheses, before a full
 * stop); the WHATWG URL parser, which browsers use, then names the host, so `user@host` tricks resolve as a click
 * would.
 */
export type FoundLink = {
  readonly raw: string;
  /** Where it sits in the text; absent for links from the card's "more links" field. */
  readonly range?: TextRange;
  /** The extra-links index it came from, when it came from there. */
  readonly fieldIndex?: number;
  /** Lower-case host, or null when it is no public web address (it then counts neither as City nor external). */
  readonly host: string | null;
  readonly city: boolean;
};

const normalizeDomain = (d: string) => d.trim().toLowerCase().replace(/^\.+|\.+$/g, '');

/** A City host is a City domain or any subdomain of one; `evilcityofmadison.com` and `cityofmadison.com.evil.example` are not. */
export function isCityHost(host: string | null, cityWebDomains: readonly string[]): boolean {
  if (!host) return false;
  const h = normalizeDomain(host);
  return cityWebDomains.map(normalizeDomain).some((d) => d !== '' && (h === d || h.endsWith(`.${d}`)));
}

/** The host a browser would open for what a person typed, adding https:// when they left the scheme off. */
export function hostOf(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const host = u.hostname.toLowerCase().replace(/\.$/, '');
    // A public web address has a dot in its host; `__proto__` or `https://user` is not a link anyone can follow.
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

const linkifiers = new Map<string, LinkifyIt>();

function linkifierFor(cityWebDomains: readonly string[]): LinkifyIt {
  // Schemeless links are found only for known top-level domains; the City's own must always count.
  const tlds = [...new Set(cityWebDomains.map((d) => normalizeDomain(d).split('.').pop() ?? '').filter(Boolean))].sort();
  const key = tlds.join(',');
  let l = linkifiers.get(key);
  if (!l) {
    // E-mail addresses are not web links; the safety check (POST-5) looks at them.
    l = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });
    l.add('mailto:', null).add('ftp:', null);
    if (tlds.length) l.tlds(tlds, true);
    linkifiers.set(key, l);
  }
  return l;
}

const TRAILING = /[.,;:!?'"’”)\]}>]+$/;

/** linkify-it stops at a host it does not recognise (`cityofmadison.com@evil.example`): take the whole word instead. */
function widenIfCut(text: string, start: number, end: number): number {
  if (!/^[.@:][\p{L}\p{N}]/u.test(text.slice(end, end + 2))) return end;
  const rest = /^\S+/u.exec(text.slice(start))?.[0] ?? '';
  return start + rest.replace(TRAILING, '').length;
}

export function findLinksInText(text: string, cityWebDomains: readonly string[]): FoundLink[] {
  const matches = linkifierFor(cityWebDomains).match(text) ?? [];
  return matches.map((m) => {
    const end = widenIfCut(text, m.index, m.lastIndex);
    const raw = text.slice(m.index, end);
    const host = hostOf(raw);
    return { raw, range: { start: m.index, end }, host, city: isCityHost(host, cityWebDomains) };
  });
}

/** Every link of a draft: those written in the text, then those in the "more links" field. */
export function findLinks(text: string, extra: readonly string[], cityWebDomains: readonly string[]): FoundLink[] {
  const fromField = extra.map((raw, fieldIndex): FoundLink => {
    const host = hostOf(raw.trim());
    return { raw: raw.trim(), fieldIndex, host, city: isCityHost(host, cityWebDomains) };
  });
  return [...findLinksInText(text, cityWebDomains), ...fromField];
}

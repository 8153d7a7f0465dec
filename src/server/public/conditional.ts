import etag from 'etag';
import fresh from 'fresh';
import type { Request, Response } from 'restify';

/**
 * The public pages hold nothing secret, so anyone may cache them (the City's web proxy above all) for a short
 * while; `no-cache` on top would make every reader revalidate, which is what ETag and Last-Modified are for.
 */
export const PUBLIC_CACHE = 'public, max-age=300';

/** No script, nothing from elsewhere, no framing; the one stylesheet comes from this server. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface PublicBody {
  contentType: string;
  body: string;
  /** When what the body shows last changed; undefined when nothing is public yet. */
  lastModified?: Date;
}

/**
 * Sends a public document with a strong ETag (a hash of the exact bytes) and Last-Modified; a conditional GET that
 * still matches gets 304 with no body (RFC 9110 13.2.2: If-None-Match wins over If-Modified-Since, which `fresh` does).
 */
export function sendPublic(req: Request, res: Response, doc: PublicBody): void {
  const headers: Record<string, string> = {
    'content-type': doc.contentType,
    'cache-control': PUBLIC_CACHE,
    'content-security-policy': PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    etag: etag(doc.body),
    ...(doc.lastModified ? { 'last-modified': new Date(Math.floor(doc.lastModified.getTime() / 1000) * 1000).toUTCString() } : {}),
  };
  if (fresh(req.headers, headers)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(doc.body)) });
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

/** A plain-text 404 with the same safety headers: nothing of the asked-for id is echoed back. */
export function sendNotFound(res: Response, what: string): void {
  const body = `${what} is not in the City's public registry.\n`;
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff', 'content-security-policy': PAGE_CSP });
  res.end(body);
}

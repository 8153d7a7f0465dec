import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to documents (a department policy as HTML) are signed and expire, so a link shown in Teams cannot be guessed
 * or altered. Each names the person it was made for, so the server can check that person's role again when the link
 * is opened. The signing key is derived from the credential key, never the key itself.
 */
function mac(key: string, path: string, holderId: string, expires: number): string {
  const derived = createHmac('sha256', Buffer.from(key, 'base64')).update('social-steward document links').digest();
  return createHmac('sha256', derived).update(`${path}\n${holderId}\n${expires}`).digest('base64url');
}

export function signDocumentPath(key: string, path: string, holderId: string, now: Date, ttlHours = 24): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlHours * 3600;
  return `${path}?expires=${expires}&sig=${mac(key, path, holderId, expires)}&holder=${encodeURIComponent(holderId)}`;
}

export interface DocumentLinkQuery {
  expires?: string;
  sig?: string;
  holder?: string;
}

/** The holder's person id when the link is genuine and unexpired; undefined otherwise. */
export function verifyDocumentPath(key: string, path: string, q: DocumentLinkQuery, now: Date): string | undefined {
  const exp = Number(q.expires);
  if (!q.sig || !q.holder || !Number.isInteger(exp) || exp * 1000 < now.getTime()) return undefined;
  const want = Buffer.from(mac(key, path, q.holder, exp));
  const got = Buffer.from(q.sig);
  return want.length === got.length && timingSafeEqual(want, got) ? q.holder : undefined;
}

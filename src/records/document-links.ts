import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to documents (a department policy as HTML) are signed and expire, so a link shown to the filer in Teams
 * cannot be guessed or altered. The signing key is derived from the credential key, never the key itself.
 */
function mac(key: string, path: string, expires: number): string {
  const derived = createHmac('sha256', Buffer.from(key, 'base64')).update('social-steward document links').digest();
  return createHmac('sha256', derived).update(`${path}\n${expires}`).digest('base64url');
}

export function signDocumentPath(key: string, path: string, now: Date, ttlHours = 24): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlHours * 3600;
  return `${path}?expires=${expires}&sig=${mac(key, path, expires)}`;
}

export function verifyDocumentPath(key: string, path: string, expires: string | undefined, sig: string | undefined, now: Date): boolean {
  const exp = Number(expires);
  if (!sig || !Number.isInteger(exp) || exp * 1000 < now.getTime()) return false;
  const want = Buffer.from(mac(key, path, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A presence's login (REG-2, policy 2a). Plaintext lives only in memory, for the turn that needs it. */
export interface Credential {
  login: string;
  password: string;
}

const FORMAT = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size; random per seal, so a key can seal many credentials
const TAG_BYTES = 16;

// Errors say nothing about the plaintext or the key, so they are safe to log anywhere.
export class CredentialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialError';
  }
}

function keyOf(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new CredentialError('The credential key must be 32 bytes, base64-encoded.');
  return key;
}

/**
 * AES-256-GCM, as `v1.<iv>.<tag>.<ciphertext>` (base64). `context` is bound as associated data (we pass the presence
 * id), so a ciphertext copied onto another presence's row will not open there.
 */
export function sealCredential(keyBase64: string, credential: Credential, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keyBase64), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const plaintext = JSON.stringify({ login: credential.login, password: credential.password });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join('.');
}

/** Throws CredentialError when the value was altered, sealed under another key or context, or is not ours. */
export function openCredential(keyBase64: string, sealed: string, context = ''): Credential {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new CredentialError('Not a sealed credential (unknown format).');
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialError('Not a sealed credential (bad lengths).');
  // authTagLength pins the tag to 16 bytes: without it Node accepts truncated tags, which weakens GCM.
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyBase64), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new CredentialError('The sealed credential failed its integrity check: it was altered, or the key is wrong.');
  }
  const parsed = JSON.parse(plaintext) as Partial<Credential>;
  if (typeof parsed.login !== 'string' || typeof parsed.password !== 'string') throw new CredentialError('The sealed credential is incomplete.');
  return { login: parsed.login, password: parsed.password };
}

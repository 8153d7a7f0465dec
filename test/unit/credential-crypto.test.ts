import { randomBytes } from 'node:crypto';
import { CredentialError, openCredential, sealCredential } from '../../src/domain/credential-crypto';

const key = randomBytes(32).toString('base64');
const secret = { login: 'parks-social@cityofmadison.com', password: 'Tr0ub4dor&3-parks' };

/** Flips one bit of one base64 part of a sealed value, keeping the format valid. */
function flip(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64');
  return parts.join('.');
}

describe('REG-2 credentials are encrypted at rest (AES-256-GCM)', () => {
  it('opens what it sealed, in the v1.<iv>.<tag>.<ciphertext> format', () => {
    const sealed = sealCredential(key, secret, 'presence-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(sealed.split('.')[1], 'base64')).toHaveLength(12);
    expect(openCredential(key, sealed, 'presence-1')).toEqual(secret);
  });

  it('uses a fresh IV each time, so the same login never seals to the same text', () => {
    expect(sealCredential(key, secret)).not.toBe(sealCredential(key, secret));
  });

  it('never contains the password or login, in plain text or base64', () => {
    const sealed = sealCredential(key, secret);
    for (const s of [secret.password, secret.login]) {
      expect(sealed).not.toContain(s);
      expect(sealed).not.toContain(Buffer.from(s).toString('base64').slice(0, 12));
    }
  });

  it.each([
    ['the ciphertext', 3],
    ['the tag', 2],
    ['the IV', 1],
  ] as const)('refuses a value when %s was altered', (_what, part) => {
    const sealed = sealCredential(key, secret);
    expect(() => openCredential(key, flip(sealed, part))).toThrow(CredentialError);
  });

  it('refuses a truncated tag', () => {
    const parts = sealCredential(key, secret).split('.');
    parts[2] = Buffer.from(parts[2], 'base64').subarray(0, 4).toString('base64');
    expect(() => openCredential(key, parts.join('.'))).toThrow(CredentialError);
  });

  it('refuses the wrong key, and a value sealed for another presence', () => {
    const sealed = sealCredential(key, secret, 'presence-1');
    expect(() => openCredential(randomBytes(32).toString('base64'), sealed, 'presence-1')).toThrow(/altered, or the key is wrong/);
    expect(() => openCredential(key, sealed, 'presence-2')).toThrow(CredentialError);
  });

  it('refuses an unknown format and a key of the wrong size', () => {
    expect(() => openCredential(key, 'plain text')).toThrow(/unknown format/);
    expect(() => sealCredential(randomBytes(16).toString('base64'), secret)).toThrow(/32 bytes/);
  });

  it('says nothing about the secret when it fails', () => {
    const sealed = flip(sealCredential(key, secret), 3);
    try {
      openCredential(key, sealed);
      throw new Error('expected a failure');
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(secret.password);
    }
  });
});

/**
 * What a person types, made regular before it is validated, so that no input a person can type throws and small
 * slips do not cost them a round trip: surrounding spaces trimmed, a web address without a scheme gets https://,
 * an e-mail address lower-cased. Pure; the guided-flow engine applies it per field kind.
 */
export type FieldKind = 'text' | 'url' | 'email' | 'contact' | 'choice' | 'toggle' | 'longText';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function normalizeInput(kind: FieldKind, raw: unknown): string | undefined {
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return undefined;
  // Long text keeps its inner line breaks; every kind loses surrounding spaces.
  const value = raw.trim();
  if (value === '') return undefined;
  switch (kind) {
    case 'url':
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value.replace(/^\/+/, '')}`;
    case 'email':
      return value.toLowerCase();
    case 'contact':
      // An e-mail address or a phone number: only an e-mail address is lower-cased.
      return EMAIL.test(value) ? value.toLowerCase() : value;
    default:
      return value;
  }
}

/** The host name of a web address, or undefined when it is not one (new URL throws on those). */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

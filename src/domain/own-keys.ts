/**
 * Lookups by a key that came from outside (card data, stored JSON) read own keys only, so "constructor", "toString"
 * or "__proto__" are just unknown values, never Object.prototype's members (issue 8 item 5).
 */
export function isOwnKey<K extends string>(table: Readonly<Record<K, unknown>>, key: unknown): key is K {
  return typeof key === 'string' && Object.hasOwn(table, key);
}

/** The table's value for an own key, else undefined. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A label for a stored value: its table's label, or the value itself as text, so a stored value always renders. */
export function ownLabel(table: Readonly<Record<string, string>>, key: unknown): string {
  return ownValue(table, key) ?? String(key ?? '');
}

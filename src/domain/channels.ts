import type { Role } from './roles';

/** A channel bound to a purpose receives that purpose's cards; its role decides there. */
export const CHANNEL_PURPOSES = ['it_review', 'city_attorney', 'mayors_office', 'it_director', 'post_approval'] as const;
export type ChannelPurpose = (typeof CHANNEL_PURPOSES)[number];

export const CHANNEL_PURPOSE_LABELS: Record<ChannelPurpose, string> = {
  it_review: 'IT review',
  city_attorney: 'City Attorney',
  mayors_office: "Mayor's Office",
  it_director: 'IT Director',
  post_approval: 'Post approval',
};

/** The role whose holders may decide on the cards posted to a channel of this purpose. */
export const CHANNEL_DECIDER: Record<ChannelPurpose, Role> = {
  it_review: 'it_reviewer',
  city_attorney: 'city_attorney',
  mayors_office: 'mayors_office',
  it_director: 'it_director',
  // POST-6: department heads decide on the posts of their department's presences (the service checks which).
  post_approval: 'department_head',
};

/**
 * Purposes bound per department (POST-6: each department's posts go to its own post-approval channel). The unkeyed
 * binding of such a purpose serves every department that has none of its own.
 */
export const DEPARTMENT_KEYED: ReadonlySet<ChannelPurpose> = new Set<ChannelPurpose>(['post_approval']);

/** The ChannelBinding key: the purpose, or "purpose:departmentId" for a department's own binding. */
export const bindingKey = (purpose: ChannelPurpose, departmentId?: string | null): string =>
  departmentId && DEPARTMENT_KEYED.has(purpose) ? `${purpose}:${departmentId}` : purpose;

/** A stored key back to its purpose and department; null for a key no purpose of today reads as. */
export function parseBindingKey(key: string): { purpose: ChannelPurpose; departmentId?: string } | null {
  const at = key.indexOf(':');
  const purpose = at < 0 ? key : key.slice(0, at);
  if (!(CHANNEL_PURPOSES as readonly string[]).includes(purpose)) return null;
  const p = purpose as ChannelPurpose;
  if (at < 0) return { purpose: p };
  return DEPARTMENT_KEYED.has(p) && at < key.length - 1 ? { purpose: p, departmentId: key.slice(at + 1) } : null;
}

/** A binding key in words: "Post approval (Parks)", or the purpose's label. */
export function bindingLabel(key: string, departmentName?: (id: string) => string | undefined): string {
  const parsed = parseBindingKey(key);
  if (!parsed) return key;
  const label = CHANNEL_PURPOSE_LABELS[parsed.purpose];
  if (parsed.departmentId) return `${label} (${departmentName?.(parsed.departmentId) ?? parsed.departmentId})`;
  return DEPARTMENT_KEYED.has(parsed.purpose) ? `${label} (every other department)` : label;
}

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

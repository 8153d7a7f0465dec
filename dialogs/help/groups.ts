import type { Verb } from '../../src/verbs';

/** The help card's groups, in the order shown (issue 10: grouped, only what this person may do). */
export const GROUPS = ['To decide', 'Accounts', 'Posts', 'Department policy', 'Admin and records'] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_OF = new Map<Verb, Group>([
  ['reviews.mine', 'To decide'],
  ['request.start', 'Accounts'],
  ['requests.mine', 'Accounts'],
  ['registry.show', 'Accounts'],
  ['post.start', 'Posts'],
  ['posts.mine', 'Posts'],
  ['policy.file.start', 'Department policy'],
  ['policy.status', 'Department policy'],
  ['policy.view.start', 'Department policy'],
  ['block.start', 'Department policy'],
]);

/** Anything not named above (roles, channels, audit, records, delivery) is admin and records work. */
export const groupOf = (verb: Verb): Group => GROUP_OF.get(verb) ?? 'Admin and records';

/** Other ways people say a command, seen in the Playground (issue 10): "Did you mean ...?" matches these too. */
export const ALIASES = new Map<Verb, string[]>([
  ['request.start', ['new account', 'request presence', 'new presence', 'request an account', 'open an account', 'create account', 'new social media account']],
  ['requests.mine', ['my drafts', 'my request', 'requests']],
  ['post.start', ['new post', 'write a post', 'draft post']],
  ['policy.file.start', ['file policy', 'file a policy', 'submit policy', 'our policy']],
  ['policy.view.start', ['read policy', 'show policy']],
  ['reviews.mine', ['my reviews', 'approvals', 'to approve', 'waiting for me']],
  ['registry.show', ['accounts', 'presences', 'list accounts']],
  ['block.start', ['block sites', 'block social media sites']],
]);

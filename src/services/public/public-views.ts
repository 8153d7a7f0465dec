/**
 * What the public may see of the registry and of approved posts: public fields only (department, platform,
 * account, address, state, City page). Never people, contacts, logins or review comments.
 */
export interface PublicPresence {
  id: string;
  departmentId: string;
  department: string;
  platform: string;
  account: string;
  address: string | null;
  state: string;
  stateLabel: string;
  cityPage: string | null;
  /** When its public facts last changed (Last-Modified); not itself published. */
  updatedAt: Date;
}

export interface PublicPost {
  postId: string;
  round: number;
  presence: PublicPresence;
  text: string;
  links: string[];
  images: Array<{ url: string; alt: string }>;
  /** When it became public: its approval, or its "publish at" time when later. */
  visibleAt: Date;
  /** The other public versions of the same post (an edited post), newest first, each at its own link. */
  otherRounds: number[];
}

export type FeedScope = { kind: 'all' } | { kind: 'department'; departmentId: string } | { kind: 'presence'; presenceId: string };

/** Presences the public registry lists: every account that went live, with its state (retired ones say so). */
export const PUBLIC_STATES = ['active', 'suspended', 'retired'] as const;

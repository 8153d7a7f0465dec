import type { FeedScope } from '../../services/public/public-views';

/**
 * Addresses of the public pages, relative to the public root (`/public` on this server, or wherever the City's web
 * team mounts it, PUBLIC_BASE_URL). Pages link relatively, so they work behind any reverse-proxy path.
 */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const id = encodeURIComponent;

export const publicPaths = {
  registry: 'registry',
  registryJson: 'registry.json',
  style: 'style.css',
  presence: (presenceId: string) => `presences/${id(presenceId)}`,
  post: (postId: string, round: number) => `posts/${id(postId)}/v/${round}`,
  feed(scope: FeedScope, format: FeedFormat): string {
    if (scope.kind === 'department') return `feeds/departments/${id(scope.departmentId)}/${format}`;
    if (scope.kind === 'presence') return `feeds/presences/${id(scope.presenceId)}/${format}`;
    return `feeds/all/${format}`;
  },
};

/** `../` enough times to climb from a page at `path` back to the public root. */
export const toRoot = (path: string): string => '../'.repeat(path.split('/').length - 1);

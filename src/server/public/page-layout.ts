import escapeHtml from 'escape-html';
import { publicPaths, toRoot, FEED_TYPES, type FeedFormat } from './public-paths';
import type { FeedScope } from '../../services/public/public-views';

export const esc = (s: string | number): string => escapeHtml(String(s));

export interface PageParts {
  /** This page's path under the public root; relative links climb from here. */
  path: string;
  title: string;
  /** The page's own content, already escaped, inside <main>. */
  main: string;
  /** Feeds the page offers to readers and browsers (<link rel="alternate">). */
  feeds?: { scope: FeedScope; label: string };
}

const FEED_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** The three feed links of a scope, as a list readers can follow. */
export function feedLinks(root: string, scope: FeedScope, label: string): string {
  const items = (Object.keys(FEED_NAMES) as FeedFormat[]).map((f) => `<li><a href="${esc(root + publicPaths.feed(scope, f))}">${esc(label)}: ${FEED_NAMES[f]}</a></li>`);
  return `<ul class="feeds">${items.join('')}</ul>`;
}

/**
 * Plain semantic HTML around a page: a skip link, the site name, navigation, the content, and a footer saying what
 * this is. No script; one stylesheet from this server (the CSP allows nothing else).
 */
export function page(p: PageParts): string {
  const root = toRoot(p.path);
  const alternates = p.feeds
    ? (Object.keys(FEED_NAMES) as FeedFormat[])
        .map((f) => `<link rel="alternate" type="${FEED_TYPES[f].split(';')[0]}" title="${esc(`${p.feeds!.label} (${FEED_NAMES[f]})`)}" href="${esc(root + publicPaths.feed(p.feeds!.scope, f))}">`)
        .join('\n')
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} | City of Madison social media</title>
<link rel="stylesheet" href="${esc(root + publicPaths.style)}">
${alternates}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<p class="site">City of Madison, Wisconsin: official social media</p>
<nav aria-label="Public pages"><ul>
<li><a href="${esc(root + publicPaths.registry)}">Official accounts</a></li>
<li><a href="${esc(root + publicPaths.registryJson)}">Registry as JSON</a></li>
<li><a href="${esc(root + publicPaths.feed({ kind: 'all' }, 'rss'))}">All approved posts (RSS)</a></li>
</ul></nav>
</header>
<main id="main">
${p.main}
</main>
<footer><p>This is the City of Madison's public record of its official social media accounts and of the posts the City approved for them. An account that is not listed here is not an official City account.</p></footer>
</body>
</html>
`;
}

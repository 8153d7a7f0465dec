import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import type { FeedScope, PublicPost } from '../../services/public/public-views';
import { FEED_TYPES, publicPaths, type FeedFormat } from './public-paths';
import type { PublicBody } from './conditional';

export interface FeedMeta {
  scope: FeedScope;
  /** What the feed covers, in words: "all City accounts", "Parks Division", "@MadisonParks on Instagram". */
  title: string;
  /** The absolute public root, with no trailing slash (PUBLIC_BASE_URL). */
  base: string;
}

const TITLE_CHARS = 80;

/** A feed item's title: the post's first line, cut at a word near 80 characters. */
export function itemTitle(text: string): string {
  const first = text.trim().split(/\r?\n/)[0] ?? '';
  if (first.length <= TITLE_CHARS) return first || 'Post';
  const cut = first.slice(0, TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd()}…`;
}

/** The post as HTML for readers: every typed character escaped, line breaks kept, links listed as links. */
export function itemHtml(p: PublicPost): string {
  const text = escapeHtml(p.text).replace(/\r?\n/g, '<br>');
  const links = p.links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join('');
  const images = p.images.map((i) => `<li><a href="${escapeHtml(i.url)}">Image: ${escapeHtml(i.alt || 'no description')}</a></li>`).join('');
  return `<p>${text}</p>${links || images ? `<ul>${links}${images}</ul>` : ''}<p>${escapeHtml(p.presence.account)} (${escapeHtml(p.presence.platform)}), ${escapeHtml(p.presence.department)}</p>`;
}

/**
 * One feed document. RSS and Atom readers read titles and summaries as HTML, so there the post's text is escaped
 * once more (a typed `<script>` shows as text); xml-js leaves attributes as given, so Atom's category labels are
 * escaped here too. JSON Feed titles are plain text and its content_html is escaped HTML.
 */
export function feedDocument(meta: FeedMeta, posts: readonly PublicPost[], format: FeedFormat): PublicBody {
  const xml = format !== 'json';
  const text = (s: string) => (xml ? escapeHtml(s) : s);
  const attr = (s: string) => (format === 'atom' ? escapeHtml(s) : s);
  const self = `${meta.base}/${publicPaths.feed(meta.scope, format)}`;
  const home = meta.scope.kind === 'presence' ? `${meta.base}/${publicPaths.presence(meta.scope.presenceId)}` : `${meta.base}/${publicPaths.registry}`;
  const updated = posts[0]?.visibleAt;
  const feed = new Feed({
    id: self,
    title: `City of Madison social media: ${meta.title}`,
    description: `Approved posts of official City of Madison social media accounts: ${meta.title}.`,
    link: home,
    language: 'en',
    copyright: 'Public record of the City of Madison, Wisconsin',
    generator: 'Social Steward',
    // A feed with nothing public yet says so with the epoch rather than "now", so its bytes (and ETag) hold still.
    updated: updated ?? new Date(0),
    feedLinks: { [format]: self },
  });
  for (const p of posts) {
    const link = `${meta.base}/${publicPaths.post(p.postId, p.round)}`;
    feed.addItem({
      id: link,
      link,
      title: text(itemTitle(p.text)),
      description: escapeHtml(p.text),
      content: itemHtml(p),
      date: p.visibleAt,
      published: p.visibleAt,
      author: [{ name: p.presence.department }],
      category: [p.presence.department, p.presence.account].map((name) => ({ name: attr(name) })),
    });
  }
  const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  return { contentType: FEED_TYPES[format], body, lastModified: updated };
}

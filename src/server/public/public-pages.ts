import { EXTERNAL_LINK_DISCLAIMER } from '../../domain/posts/disclaimer';
import type { PublicPost, PublicPresence } from '../../services/public/public-views';
import { esc, feedLinks, page } from './page-layout';
import { publicPaths, toRoot } from './public-paths';

const when = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(d);
const time = (d: Date, timeZone: string) => `<time datetime="${d.toISOString()}">${esc(when(d, timeZone))}</time>`;
const link = (href: string | null, text?: string) => (href ? `<a href="${esc(href)}">${esc(text ?? href)}</a>` : 'not recorded');

/** A presence's public facts as a description list. */
function facts(p: PublicPresence): string {
  const rows: Array<[string, string]> = [
    ['Department', esc(p.department)],
    ['Platform', esc(p.platform)],
    ['State', esc(p.stateLabel)],
    ['Address', link(p.address)],
    ['City page', link(p.cityPage)],
  ];
  return `<dl>${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

/** The registry of official accounts, grouped by department (US Digital Registry style). */
export function registryPage(presences: readonly PublicPresence[]): string {
  const path = publicPaths.registry;
  const root = toRoot(path);
  const groups = new Map<string, PublicPresence[]>();
  for (const p of presences) groups.set(p.department, [...(groups.get(p.department) ?? []), p]);
  const sections = [...groups].map(([dept, list]) => `<section aria-labelledby="d-${esc(list[0].departmentId)}">
<h2 id="d-${esc(list[0].departmentId)}">${esc(dept)}</h2>
<ul class="accounts">${list.map((p) => `<li><h3><a href="${esc(root + publicPaths.presence(p.id))}">${esc(p.account)}</a> <span class="platform">on ${esc(p.platform)}</span></h3>${facts(p)}</li>`).join('\n')}</ul>
${feedLinks(root, { kind: 'department', departmentId: list[0].departmentId }, `Posts of ${dept}`)}
</section>`);
  const main = `<h1>Official City of Madison social media accounts</h1>
<p>${presences.length} accounts. Each account's page lists the posts the City approved for it. Retired and suspended accounts are listed so that no one can pass one off as official.</p>
${sections.join('\n') || '<p>No accounts are registered yet.</p>'}`;
  return page({ path, title: 'Official accounts', main, feeds: { scope: { kind: 'all' }, label: 'All approved posts' } });
}

function postArticle(root: string, p: PublicPost, timeZone: string, heading: 'h1' | 'h3'): string {
  const links = p.links.length ? `<ul>${p.links.map((l) => `<li>${link(l)}</li>`).join('')}</ul>` : '';
  const images = p.images.length ? `<ul>${p.images.map((i) => `<li>${link(i.url, `Image: ${i.alt || 'no description given'}`)}</li>`).join('')}</ul>` : '';
  const permalink = root + publicPaths.post(p.postId, p.round);
  return `<article>
<${heading}>${heading === 'h1' ? esc(`Post by ${p.presence.account}`) : `<a href="${esc(permalink)}">Approved ${time(p.visibleAt, timeZone)}</a>`}</${heading}>
${heading === 'h1' ? `<p>Public since ${time(p.visibleAt, timeZone)}, version ${p.round}.</p>` : ''}
<p class="post">${esc(p.text)}</p>
${links}${images}
</article>`;
}

const disclaimer = `<aside aria-labelledby="disclaimer"><h2 id="disclaimer">About links on this page</h2><p>${esc(EXTERNAL_LINK_DISCLAIMER)}</p></aside>`;

/** One account's page: its public facts, its approved posts newest first, its feeds and the POST-3 disclaimer. */
export function presencePage(p: PublicPresence, posts: readonly PublicPost[], timeZone: string): string {
  const path = publicPaths.presence(p.id);
  const root = toRoot(path);
  const label = `${p.account} on ${p.platform}`;
  const main = `<h1>${esc(label)}</h1>
${facts(p)}
${feedLinks(root, { kind: 'presence', presenceId: p.id }, `Posts of ${label}`)}
<section aria-labelledby="posts"><h2 id="posts">Approved posts</h2>
${posts.map((x) => postArticle(root, x, timeZone, 'h3')).join('\n') || '<p>No approved posts yet.</p>'}
</section>
${disclaimer}`;
  return page({ path, title: label, main, feeds: { scope: { kind: 'presence', presenceId: p.id }, label: `Posts of ${label}` } });
}

/** One approved version at its own permanent link, with links to the post's other public versions. */
export function postPage(p: PublicPost, timeZone: string): string {
  const path = publicPaths.post(p.postId, p.round);
  const root = toRoot(path);
  const others = p.otherRounds.length
    ? `<section aria-labelledby="versions"><h2 id="versions">Other versions of this post</h2><ul>${p.otherRounds.map((r) => `<li><a href="${esc(root + publicPaths.post(p.postId, r))}">Version ${r}</a></li>`).join('')}</ul></section>`
    : '';
  const main = `${postArticle(root, p, timeZone, 'h1')}
<p>From <a href="${esc(root + publicPaths.presence(p.presence.id))}">${esc(p.presence.account)} on ${esc(p.presence.platform)}</a>, ${esc(p.presence.department)}.</p>
${others}
${disclaimer}`;
  return page({ path, title: `Post by ${p.presence.account}`, main });
}

import { get as httpGet } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { Harness } from '../harness/bot-harness';
import { seedPost, seedPublicPresence } from '../harness/public-seed';

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** A conditional GET as a cache sends it (fetch() would add Cache-Control: no-cache, which asks for a full answer). */
const conditional = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; etag?: string; body: string }>((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
    }).on('error', reject);
  });
const dayIn = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString().slice(0, 10);

/** Issue 12 / POST-7: feeds of approved posts, parsed back; a post appears when approved or at its publish time. */
describe('Public feeds of approved posts (RSS 2.0, Atom, JSON Feed)', () => {
  let h: Harness;
  let get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  let parks: string;
  let library: string;
  const post: Record<string, string> = {};
  const TRICKY = 'Swim & splash <script>alert("x")</script> at Goodman Pool';

  beforeAll(async () => {
    h = await Harness.start();
    get = (path, headers = {}) => fetch(`${h.bot.url}/public/${path}`, { headers });
    parks = await seedPublicPresence(h.bot.db, { handle: '@MadisonParks', departmentId: 'parks' });
    library = await seedPublicPresence(h.bot.db, { handle: '@MadisonLibrary', departmentId: 'library' });
    post.tricky = await seedPost(h.bot.db, parks, [{ text: TRICKY, status: 'approved', decidedAt: ago(5), links: 'https://www.cityofmadison.com/parks?a=1&b=2' }]);
    // Edited after approval: version 1, then a returned version 2, then version 3 approved.
    post.edited = await seedPost(h.bot.db, parks, [
      { text: 'Ice rinks open Monday', status: 'approved', decidedAt: ago(10) },
      { text: 'Ice rinks open Tuesday (draft reviewer note)', status: 'returned', decidedAt: ago(4) },
      { text: 'Ice rinks open Wednesday', status: 'approved', decidedAt: ago(3) },
    ]);
    post.pending = await seedPost(h.bot.db, parks, [{ text: 'Waiting for approval', status: 'pending' }]);
    post.future = await seedPost(h.bot.db, parks, [{ text: 'Scheduled for next week', status: 'approved', decidedAt: ago(1), publishDate: dayIn(7), publishTime: '09:00' }]);
    post.scheduledPast = await seedPost(h.bot.db, library, [{ text: 'Story time returns', status: 'approved', decidedAt: ago(72), publishDate: dayIn(-2), publishTime: '08:30' }]);
  }, 60_000);
  afterAll(() => h.stop());

  it('RSS 2.0: the current approved versions newest first, with permanent links, time, department and presence', async () => {
    const res = await get('feeds/all/rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const items = list(xml.parse(await res.text()).rss.channel.item) as any[];
    const links = items.map((i) => i.link as string);
    expect(links).toEqual([
      `${h.bot.url}/public/posts/${post.edited}/v/3`,
      `${h.bot.url}/public/posts/${post.tricky}/v/1`,
      `${h.bot.url}/public/posts/${post.scheduledPast}/v/1`,
    ]);
    expect(items.map((i) => i.guid)).toEqual(links);
    expect(Math.abs(new Date(items[0].pubDate).getTime() - ago(3).getTime())).toBeLessThan(60_000);
    expect(list(items[0].category)).toEqual(['Parks Division', '@MadisonParks']);
    expect(list(items[2].category)).toEqual(['Madison Public Library', '@MadisonLibrary']);
    // Approved three days ago for two days ago at 08:30: its time is the publish time, not the approval.
    expect(new Date(items[2].pubDate).getTime()).toBeGreaterThan(ago(60).getTime());
    // An HTML title and description: the typed script is text once a reader decodes it, never markup.
    const tricky = items[1];
    expect(tricky.title).not.toMatch(/<script/i);
    expect(unescapeHtml(tricky.title)).toBe(TRICKY);
    expect(tricky['content:encoded']).not.toMatch(/<script/i);
    expect(tricky['content:encoded']).toContain('href="https://www.cityofmadison.com/parks?a=1&amp;b=2"');
  });

  it('never shows a post before approval or its publish time, nor a returned version or its reviewer note', async () => {
    const body = await (await get('feeds/all/atom')).text();
    for (const hidden of ['Waiting for approval', 'Scheduled for next week', 'reviewer note', 'Ice rinks open Monday', 'pat.parker', 'SECRET']) expect(body).not.toContain(hidden);
    expect((await get(`posts/${post.pending}/v/1`)).status).toBe(404);
    expect((await get(`posts/${post.future}/v/1`)).status).toBe(404);
    expect((await get(`posts/${post.edited}/v/2`)).status).toBe(404);
  });

  it('an edited post keeps its older approved version at its own link, and each links to the other', async () => {
    const old = await get(`posts/${post.edited}/v/1`);
    expect(old.status).toBe(200);
    const oldPage = await old.text();
    expect(oldPage).toContain('Ice rinks open Monday');
    expect(oldPage).toContain(`href="../../../posts/${post.edited}/v/3"`);
    const current = await (await get(`posts/${post.edited}/v/3`)).text();
    expect(current).toContain('Ice rinks open Wednesday');
    expect(current).toContain(`href="../../../posts/${post.edited}/v/1"`);
    expect(current).not.toContain('/v/2"');
  });

  it('Atom: entries with ids, links, updated times and category labels, escaped', async () => {
    const feed = xml.parse(await (await get('feeds/all/atom')).text()).feed;
    const entries = list(feed.entry) as any[];
    expect(entries.map((e) => e.id)).toEqual(entries.map((e) => e.link['@href']));
    expect(entries).toHaveLength(3);
    expect(new Date(feed.updated).getTime()).toBe(new Date(entries[0].updated).getTime());
    expect(unescapeHtml(entries[1].title['#text'] ?? entries[1].title)).toBe(TRICKY);
    expect(list(entries[1].category).map((c: any) => c['@label'])).toEqual(['Parks Division', '@MadisonParks']);
  });

  it('JSON Feed: plain-text titles, escaped HTML content, tags for department and presence', async () => {
    const res = await get('feeds/all/json');
    expect(res.headers.get('content-type')).toContain('application/feed+json');
    const feed: any = await res.json();
    expect(feed.items.map((i: any) => i.url)).toEqual(feed.items.map((i: any) => i.id));
    const tricky = feed.items[1];
    expect(tricky.title).toBe(TRICKY);
    expect(tricky.content_html).not.toMatch(/<script/i);
    expect(tricky.content_html).toContain('Swim &amp; splash &lt;script&gt;');
    expect(tricky.tags).toEqual(['Parks Division', '@MadisonParks']);
  });

  it('per department and per presence, and a 404 for one that is not public', async () => {
    const dept: any = await (await get("feeds/departments/library/json")).json();
    expect(dept.items.map((i: any) => i.url)).toEqual([`${h.bot.url}/public/posts/${post.scheduledPast}/v/1`]);
    const one = xml.parse(await (await get(`feeds/presences/${parks}/rss`)).text()).rss.channel;
    expect(list(one.item)).toHaveLength(2);
    expect(one.title).toContain('@MadisonParks');
    expect((await get('feeds/departments/nowhere/rss')).status).toBe(404);
    expect((await get(`feeds/presences/${parks}/pdf`)).status).toBe(404);
    expect((await get('feeds/presences/..%2F..%2Fetc/rss')).status).toBe(404);
  });

  it('ETag and Last-Modified: a conditional GET answers 304 until something new is approved', async () => {
    const first = await get('feeds/all/rss');
    const tag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(tag).toMatch(/^"/);
    // The newest public moment: version 3 of the edited post, approved three hours ago.
    expect(Math.abs(new Date(modified).getTime() - ago(3).getTime())).toBeLessThan(60_000);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const url = `${h.bot.url}/public/feeds/all/rss`;
    const again = await conditional(url, { 'if-none-match': tag });
    expect(again).toMatchObject({ status: 304, body: '' });
    expect((await conditional(url, { 'if-modified-since': modified })).status).toBe(304);
    expect((await conditional(url, { 'if-none-match': '"something-else"' })).status).toBe(200);
    await seedPost(h.bot.db, library, [{ text: 'Book sale Saturday', status: 'approved', decidedAt: new Date(Date.now() + 1000) }]);
    await new Promise((r) => setTimeout(r, 1100));
    const changed = await conditional(url, { 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(tag);
    expect(changed.body).toContain('Book sale Saturday');
    expect((await conditional(url, { 'if-modified-since': modified })).status).toBe(200);
  });
});

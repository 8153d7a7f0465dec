import { Harness } from '../harness/bot-harness';
import { seedPost, seedPublicPresence } from '../harness/public-seed';
import { EXTERNAL_LINK_DISCLAIMER } from '../../src/domain/posts/disclaimer';

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR);

/** Issue 12: the public registry, a page per presence with its approved posts (POST-3 disclaimer), registry.json. */
describe('Public pages: the registry of official accounts, without sign-in', () => {
  let h: Harness;
  let get: (path: string) => Promise<Response>;
  let parks: string;
  let odd: string;
  let notLive: string;
  let postId: string;

  beforeAll(async () => {
    h = await Harness.start();
    get = (path) => fetch(`${h.bot.url}/public/${path}`);
    parks = await seedPublicPresence(h.bot.db, { handle: '@MadisonParks', departmentId: 'parks', ownerName: 'Pat Parker' });
    odd = await seedPublicPresence(h.bot.db, { handle: '@Odd<script>alert(1)</script>&Co', departmentId: 'library', state: 'retired', record: { cityWebPage: 'javascript:alert(1)' } });
    notLive = await seedPublicPresence(h.bot.db, { handle: '@NotYetLive', departmentId: 'parks', state: 'approved_not_live' });
    postId = await seedPost(h.bot.db, parks, [{ text: 'Pool & spa <script>alert("x")</script>\nSecond line', status: 'approved', decidedAt: ago(2), links: 'https://www.cityofmadison.com/parks?x=1&y="2"' }]);
  }, 60_000);
  afterAll(() => h.stop());

  it('every page carries a CSP, nosniff and cache headers, and needs no sign-in', async () => {
    for (const path of ['registry', 'registry.json', `presences/${parks}`, `posts/${postId}/v/1`, 'style.css', 'feeds/all/rss']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
      expect(res.headers.get('etag')).toBeTruthy();
    }
  });

  it('the registry lists public fields only, escaped, and never a presence that is not live', async () => {
    const html = await (await get('registry')).text();
    expect(html).toContain('@MadisonParks');
    expect(html).toContain('Parks Division');
    expect(html).toContain('https://www.instagram.com/madisonparks');
    expect(html).toContain('https://www.cityofmadison.com/parks');
    expect(html).toContain('@Odd&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co');
    expect(html).toContain('Retired');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('javascript:');
    for (const secret of ['@NotYetLive', 'Pat Parker', 'pat.parker@', 'SECRET-CIPHERTEXT', 'approverId']) expect(html).not.toContain(secret);
    expect(html).toContain(`href="presences/${parks}"`);
  });

  it('registry.json has the same public fields and nothing else', async () => {
    const res = await get('registry.json');
    expect(res.headers.get('content-type')).toContain('application/json');
    const body: any = await res.json();
    const byAccount = new Map<string, any>(body.accounts.map((a: any) => [a.account, a]));
    expect([...byAccount.keys()].sort()).toEqual(['@MadisonParks', '@Odd<script>alert(1)</script>&Co']);
    expect(byAccount.get('@MadisonParks')).toEqual({
      id: parks, department: 'Parks Division', departmentId: 'parks', platform: 'Instagram', account: '@MadisonParks',
      address: 'https://www.instagram.com/madisonparks', state: 'active', cityPage: 'https://www.cityofmadison.com/parks',
      page: `${h.bot.url}/public/presences/${parks}`,
      feeds: { rss: `${h.bot.url}/public/feeds/presences/${parks}/rss`, atom: `${h.bot.url}/public/feeds/presences/${parks}/atom`, json: `${h.bot.url}/public/feeds/presences/${parks}/json` },
    });
    expect(byAccount.get('@Odd<script>alert(1)</script>&Co').cityPage).toBeNull();
  });

  it("a presence's page: its facts, its approved posts escaped, its feeds, and the POST-3 disclaimer word for word", async () => {
    const html = await (await get(`presences/${parks}`)).text();
    expect(html).toContain('<h1>@MadisonParks on Instagram</h1>');
    expect(html).toContain('Pool &amp; spa &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('href="https://www.cityofmadison.com/parks?x=1&amp;y=&quot;2&quot;"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(EXTERNAL_LINK_DISCLAIMER.replace(/&/g, '&amp;'));
    expect(html).toContain(`href="../feeds/presences/${parks}/rss"`);
    expect(html).toContain(`href="../posts/${postId}/v/1"`);
    expect(html).toContain('<link rel="stylesheet" href="../style.css">');
  });

  it('an account that is not live, or does not exist, or a malformed id, is a plain 404 that echoes nothing', async () => {
    for (const path of [`presences/${notLive}`, 'presences/no-such-id', 'presences/%3Cscript%3E', `posts/${postId}/v/0`, `posts/${postId}/v/abc`]) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      const text = await res.text();
      expect(text).not.toContain('script');
      expect(res.headers.get('content-type')).toContain('text/plain');
    }
    expect((await get(`presences/${odd}`)).status).toBe(200);
  });
});

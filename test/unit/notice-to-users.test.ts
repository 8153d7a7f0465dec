import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, ConfigError } from '../../src/config/config';
import { fullNotice, noticeFor, NOTICE_PLACES } from '../../src/domain/notice-to-users';
import approved from '../../src/config/notice-to-users.json';

const config = loadConfig({ NODE_ENV: 'test' });
const about = { handle: '@MadisonParksAndRecreationDepartment', department: 'Parks Division', purpose: 'Share park events, closures and volunteer days with families.' };

describe('REG-5 the notice to users comes from configuration', () => {
  it("fills the City's approved wording with the account and its three links", () => {
    const text = fullNotice(config.notice, about);
    expect(text).toContain('@MadisonParksAndRecreationDepartment is an official City of Madison account, run by Parks Division');
    for (const link of [approved.links.termsOfUse, approved.links.guidelines, approved.links.commentsPolicy]) expect(text).toContain(link);
    expect(text).not.toMatch(/\{\w+\}/);
  });
  it('does not substitute placeholders typed into an answer', () => {
    expect(fullNotice(config.notice, { ...about, purpose: 'Events {termsOfUse}' })).toContain('about: Events {termsOfUse}.');
  });
  it('reads NOTICE_FILE, and refuses to start with wording that drops a link or an address that is not https', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notice-'));
    const file = path.join(dir, 'notice.json');
    writeFileSync(file, JSON.stringify({ ...approved, shortText: 'Official account of the City of Madison, Wisconsin:' }));
    expect(loadConfig({ NODE_ENV: 'test', NOTICE_FILE: file }).notice.shortText).toBe('Official account of the City of Madison, Wisconsin:');
    writeFileSync(file, JSON.stringify({ ...approved, fullText: approved.fullText.replace('{commentsPolicy}', 'the policy'), links: { ...approved.links, guidelines: 'http://example.com/g' } }));
    expect(() => loadConfig({ NODE_ENV: 'test', NOTICE_FILE: file })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'test', NOTICE_FILE: file });
    } catch (err) {
      expect((err as Error).message).toContain('fullText must use every placeholder');
      expect((err as Error).message).toContain('links.guidelines must be an https:// address');
    }
    expect(() => loadConfig({ NODE_ENV: 'test', NOTICE_FILE: path.join(dir, 'missing.json') })).toThrow(/NOTICE_FILE: cannot read/);
  });
});

describe('REG-5 per platform the notice fits its place', () => {
  for (const [platform, spot] of Object.entries(NOTICE_PLACES)) {
    it(`${platform}: within ${spot.limit} characters, with the link to the full text when shortened`, () => {
      const f = noticeFor(config.notice, platform, about);
      expect(f.place).toBe(spot.place);
      expect([...f.text].length).toBe(f.length);
      expect(f.length).toBeLessThanOrEqual(spot.limit);
      if (!f.full) expect(f.text).toContain(config.notice.links.fullNotice);
      else expect(f.text).toBe(fullNotice(config.notice, about));
    });
  }
  it('an Instagram bio (150) gets the one-line notice and the link; a platform with no known limit gets the full text', () => {
    const insta = noticeFor(config.notice, 'instagram', about);
    expect(insta).toMatchObject({ place: 'Instagram bio', limit: 150, full: false, text: `${approved.shortText} ${approved.links.fullNotice}` });
    expect(noticeFor(config.notice, 'tiktok', about).text).toBe(`${approved.shortestText} ${approved.links.fullNotice}`);
    expect(noticeFor(config.notice, 'Mastodon', about)).toMatchObject({ full: true, limit: undefined });
    expect(noticeFor(config.notice, 'youtube', about).full).toBe(true);
  });
});

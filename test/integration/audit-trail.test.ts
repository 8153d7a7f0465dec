import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Harness } from '../harness/bot-harness';
import { cardText } from '../harness/teams-client';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

function auditVerify(h: Harness) {
  const env = { PATH: process.env.PATH ?? '', DATA_DIR: h.dataDir, DATABASE_URL: h.database!.url, DOTENV_CONFIG_PATH: '/nonexistent' };
  return run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );
}

describe('REC-1 audit trail: admins read it in Teams, IT verifies it from a shell', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await h.user('Ivy Tran').install();
    const ivy = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } });
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: ivy.id, role: 'it_reviewer' });
  });
  afterAll(() => h.stop());

  it('shows an admin the latest events and that the chain verifies', async () => {
    const [card] = await h.user('Morgan Lee').say('audit');
    const text = cardText(card);
    expect(text).toMatch(/Audit trail verified: all 3 events are intact/);
    // Issue 10: people and records by name, the action in words, no codes or clipped ids.
    expect(text).toContain('Morgan Lee granted IT reviewer to Ivy Tran');
    expect(text).toContain('Ivy Tran first used Social Steward');
    expect(text).not.toContain('role.granted');
    const ivy = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Ivy Tran' } });
    expect(text).not.toContain(ivy.id.slice(0, 8));
  });

  it('hides draft saves unless asked, with a button that shows them', async () => {
    const pat = h.user('Pat Parker');
    const [step] = await pat.say('request a presence');
    const requestId = JSON.stringify(step).match(/"requestId":"([0-9a-f-]{36})"/)![1];
    await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'save', handle: '@MadisonParks', platform: 'instagram' });
    const [hidden] = await h.user('Morgan Lee').say('audit');
    expect(cardText(hidden)).toContain('Pat Parker started a request');
    expect(cardText(hidden)).not.toContain('saved a draft');
    expect(cardText(hidden)).toContain('draft saves hidden');
    const show = hidden.actions.find((a: any) => a.title === 'Show draft saves');
    const shown = (await h.user('Morgan Lee').click(show.data)).card;
    expect(cardText(shown)).toContain('Pat Parker saved a draft of the request @MadisonParks (Instagram)');
    expect(shown.actions.map((a: any) => a.title)).toContain('Hide draft saves');
    const forged = (await pat.click(show.data)).card;
    expect(cardText(forged)).toContain('Only admins can read the audit trail');
  });

  it('refuses the audit trail to staff', async () => {
    const [card] = await h.user('Pat Parker').say('audit');
    expect(cardText(card)).toContain('Only admins can read the audit trail');
  });

  it('npm run audit:verify passes, then fails naming the event after one is tampered with', async () => {
    const ok = await auditVerify(h);
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('Audit trail intact: 6 events verified') });

    const granted = await h.bot.db.auditEvent.findFirstOrThrow({ where: { action: 'role.granted' } });
    await h.bot.db.auditEvent.update({ where: { seq: granted.seq }, data: { data: JSON.stringify({ role: 'admin' }) } });
    const broken = await auditVerify(h);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`Audit trail BROKEN at event #${granted.seq}`);

    const [card] = await h.user('Morgan Lee').say('audit');
    expect(cardText(card)).toContain(`Audit trail broken at event #${granted.seq}`);
  });
});

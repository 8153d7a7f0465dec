import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnBot, type ChildBot } from '../harness/child-bot';
import { templateDbPath } from '../harness/template-db';
import { memoryOf, postRaw, resetPeakMemory } from '../harness/raw-http';

/**
 * Attacks on the HTTP boundary before authentication, against the real bot process in production mode with
 * authentication on, as an attacker without a token would send them.
 */
describe('hostile bodies on /api/messages with authentication on', () => {
  let dataDir: string;
  let tempDir: string;
  let bot: ChildBot;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-attack-'));
    tempDir = mkdtempSync(path.join(tmpdir(), 'steward-attack-tmp-'));
    copyFileSync(templateDbPath(), path.join(dataDir, 'social-steward.db'));
    const child = spawnBot({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      // Where formidable would write multipart parts: the test checks it stays empty.
      TMPDIR: tempDir,
      BOT_ID: '9f1c2d3e-4b5a-4c6d-8e7f-001122334455',
      BOT_PASSWORD: 'test-secret-not-real',
      BOT_TENANT_ID: '0b7e1c2a-5a4e-4d8e-9d55-3f1f6a9c0001',
      CREDENTIAL_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    });
    child.url = await child.ready;
    bot = child;
  }, 60_000);
  afterAll(async () => {
    bot?.proc.kill('SIGTERM');
    await bot?.exited;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('refuses a 30 MB multipart body with 415 and writes no file to the temp folder', async () => {
    const boundary = 'steward-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(30 * 1024 * 1024, 0x61),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await postRaw(`${bot.url}/api/messages`, { 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
    expect(res.status).toBe(415);
    // No other route reads a body at all.
    for (const route of ['/healthz', '/readyz', '/documents/policies/x']) {
      const other = await postRaw(`${bot.url}${route}`, { 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
      expect(other.status).toBeGreaterThanOrEqual(400);
    }
    await new Promise((r) => setTimeout(r, 300));
    const left = readdirSync(tempDir).map((f) => ({ f, size: statSync(path.join(tempDir, f)).size }));
    expect(left.filter((x) => x.f.startsWith('upload_') || x.size > 1024 * 1024)).toEqual([]);
  }, 60_000);

  it('refuses gzip bombs with 415 without the process growing by more than a few MB', async () => {
    // 100 MB of JSON-looking text compresses to about 100 KB: under the 256 KB limit unless inflated bytes count.
    const bomb = gzipSync(Buffer.from(`{"type":"message","text":"${'a'.repeat(100 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(256 * 1024);
    // Warm up the route (JIT, buffers), so what is measured next is the bombs alone.
    await postRaw(`${bot.url}/api/messages`, { 'content-type': 'application/json' }, Buffer.from('{}'));
    resetPeakMemory(bot.proc.pid!);
    const before = memoryOf(bot.proc.pid!);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => postRaw(`${bot.url}/api/messages`, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb)),
    );
    const after = memoryOf(bot.proc.pid!);
    const grewMb = (after.peak - before.peak) / 1024 / 1024;
    console.log(`gzip bombs: peak RSS ${(before.peak / 1048576).toFixed(1)} -> ${(after.peak / 1048576).toFixed(1)} MB`);
    expect(grewMb).toBeLessThan(4);
    expect(answers.map((a) => a.status)).toEqual([415, 415, 415, 415]);
    expect(answers[0].body).toContain('Content-Encoding');
  }, 60_000);

  it('still answers an ordinary JSON activity without a token with 401', async () => {
    const activity = { type: 'message', text: 'help', serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', conversation: { id: 'a:x' }, from: { id: '29:x' }, recipient: { id: '28:bot' } };
    const res = await postRaw(`${bot.url}/api/messages`, { 'content-type': 'application/json; charset=utf-8' }, Buffer.from(JSON.stringify(activity)));
    expect(res.status).toBe(401);
  });
});

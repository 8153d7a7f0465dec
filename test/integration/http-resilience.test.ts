import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Harness, aadFor } from '../harness/bot-harness';
import { spawnBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import { TeamsUser } from '../harness/teams-client';

describe('the HTTP server under hostile or heavy traffic', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  it('answers a body over the 256 KB limit with 413 and keeps serving', async () => {
    const pat = h.user('Pat Parker');
    const res = await pat.post(pat.activity('message', { personal: true }, { text: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(await pat.say('help')).toHaveLength(1);
  });

  it('keeps /healthz and turns answering while 200 clients trickle their headers', async () => {
    const { port } = new URL(h.bot.url);
    const slow = await Promise.all(
      Array.from({ length: 200 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1', () => {
          s.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
          resolve(s);
        });
        s.on('error', () => undefined);
      })),
    );
    try {
      const health = await fetch(`${h.bot.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await h.user('Pat Parker').say('help')).toHaveLength(1);
    } finally {
      for (const s of slow) s.destroy();
    }
  });
});

describe('memory through a burst of 2,000 turns', () => {
  const HEAP_CAP_MB = 160;
  const RSS_CEILING_MB = 450;
  const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

  it('stays bounded: every turn answered with the heap capped, and resident memory under a ceiling', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-burst-'));
    const connector = await new FakeConnector().start();
    // With the old generation capped, a leak shows as a crash (out of memory) or a slowdown, not as a number that
    // depends on when V8 chose to collect: resident memory alone grows for a while even without a leak.
    const bot = spawnBot({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
    try {
      const url = await bot.ready;
      const users = Array.from({ length: 16 }, (_, i) => new TeamsUser(`Burst ${i}`, aadFor(`Burst ${i}`), () => url, connector));
      const click = (u: TeamsUser) => u.click({ verb: 'help.show' });
      const samples: number[] = [];
      for (let round = 0; round < 2000 / users.length; round++) {
        const answers = await Promise.all(users.map(click));
        expect(answers.every((a) => a.status === 200)).toBe(true);
        if (round % 5 === 0) samples.push(rssMb(bot.proc.pid!));
      }
      expect(bot.proc.exitCode).toBeNull();
      expect(Math.max(...samples)).toBeLessThan(RSS_CEILING_MB);
    } finally {
      bot.proc.kill('SIGTERM');
      await bot.exited;
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

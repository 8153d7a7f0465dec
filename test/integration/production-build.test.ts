import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The production build (`npm run build`, tsconfig.build.json) compiles and runs as plain JavaScript: it applies the
// migrations to a fresh database, answers /readyz, and exits 0 on SIGTERM. Built into .tmp/ inside the project so
// the compiled code finds package.json, prisma/ and node_modules as it does from dist/.
const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.tmp', 'production-build-test');

describe('the production build', () => {
  jest.setTimeout(180_000);
  let dataDir: string;
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT });
    dataDir = mkdtempSync(path.join(tmpdir(), 'steward-prod-'));
  });
  afterAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with node alone on a fresh data folder, is ready, and stops cleanly on SIGTERM', async () => {
    const proc = spawn(process.execPath, [path.join(OUT, 'src', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent', NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c) => (out += c));
    proc.stderr.on('data', (c) => (out += c));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        proc.stdout.on('data', () => {
          const m = /running: (http:\/\/[^/\s]+)\/api\/messages/.exec(out);
          if (m) resolve(m[1]);
        });
        void exited.then((code) => reject(new Error(`exited with ${code} before it was ready:\n${out}`)));
      });
      const res = await fetch(`${url}/readyz`);
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { status: 'ready' } });
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('Social Steward stopped');
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
  });
});

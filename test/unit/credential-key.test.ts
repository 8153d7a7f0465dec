import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** One process, as `npm start` would be, printing the key it settled on for the data folder. */
async function keyOf(dataDir: string): Promise<string> {
  const script = `
    const { ensureCredentialKey } = require('./src/config/credential-key');
    const { loadConfig } = require('./src/config/config');
    process.stdout.write(ensureCredentialKey(loadConfig({ NODE_ENV: 'test', DATA_DIR: ${JSON.stringify(dataDir)}, LOG_LEVEL: 'silent' })).credentialKey);`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT });
  return stdout;
}

describe('the generated credential key (REG-2, local mode)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'steward-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same key for every process started at once on one data folder, and only the key file is left', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => keyOf(dir)));
    expect(Buffer.from(keys[0], 'base64')).toHaveLength(32);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    expect(readdirSync(dir)).toEqual(['credential.key']);
    expect(statSync(path.join(dir, 'credential.key')).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('is kept across restarts', async () => {
    const first = await keyOf(dir);
    expect(await keyOf(dir)).toBe(first);
  }, 60_000);
});

import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * REG-2: logins are encrypted at rest. In local mode a key is generated into the data folder on the first run so the
 * quick start needs no set-up; production must bring its own (loadConfig refuses to start without one).
 */
export function ensureCredentialKey(config: Config): Config {
  if (config.credentialKey) return config;
  const file = path.join(config.dataDir, 'credential.key');
  mkdirSync(config.dataDir, { recursive: true });
  createOnce(file, randomBytes(32).toString('base64'));
  return Object.freeze({ ...config, credentialKey: readFileSync(file, 'utf8').trim() });
}

/**
 * Two processes started together on one data folder must end up with the same key: the key is written whole to a
 * file of this process's own, then linked into place, which fails if another process got there first (its key wins).
 */
function createOnce(file: string, content: string): void {
  const own = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(own, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(own, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(own, { force: true });
  }
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * REG-2: logins are encrypted at rest. In local mode a key is generated into the data folder on the first run so the
 * quick start needs no set-up; production must bring its own (loadConfig refuses to start without one).
 */
export function ensureCredentialKey(config: Config): Config {
  if (config.credentialKey) return config;
  const file = path.join(config.dataDir, 'credential.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Object.freeze({ ...config, credentialKey: readFileSync(file, 'utf8').trim() });
}

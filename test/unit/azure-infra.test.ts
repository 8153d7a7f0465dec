import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, bicepParams, blockAfter, blockProperties, literal, readBicep } from './infra/bicep-reader';
import { loadConfig } from '../../src/config/config';
import { problemsOf } from './infra/config-probe';

// The Azure target (infra/*.bicep) against the config schema as src/config/config.ts has it today: every setting
// production requires is supplied, and every secret is a Key Vault reference, never a value in the template.

const appSettings = blockProperties(blockAfter(readBicep('infra/modules/app-settings.bicep'), /resource appSettings [^=]+=\s*\{[\s\S]*?properties:\s*\{/));
const main = readBicep('infra/azure.bicep');
const KV_REFERENCE = /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\}\)'$/;

/** Settings whose value is a secret: the app's client secret, the login key (REG-2), a URL with a password in it. */
const SECRET_SETTINGS = ['BOT_PASSWORD', 'CREDENTIAL_KEY', 'DATABASE_URL'];
const looksSecret = (name: string) => SECRET_SETTINGS.includes(name) || /PASSWORD|SECRET|_KEY$/.test(name);

/** What Azure would put in each non-literal setting, shaped as the real value is. */
const SAMPLES = new Map<string, string>([
  ['BOT_ID', randomUUID()],
  ['BOT_TENANT_ID', randomUUID()],
  ['TEAMS_APP_ID', randomUUID()],
  ['FIRST_ADMINS', `${randomUUID()},${randomUUID()}`],
  ['BOT_DOMAIN', 'steward123456.azurewebsites.net'],
  ['TIME_ZONE', 'America/Chicago'],
  ['BOT_PASSWORD', 'a client secret from Entra'],
  ['CREDENTIAL_KEY', randomBytes(32).toString('base64')],
  ['DATABASE_URL', 'postgresql://steward:p%40ss@steward123456-pg.postgres.database.azure.com:5432/social_steward?sslmode=require'],
]);

/** The environment App Service gives the bot, with samples where the Bicep names a parameter or a Key Vault secret. */
function azureEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, expr] of appSettings) env[name] = literal(expr) ?? SAMPLES.get(name) ?? `<${expr}>`;
  return env;
}

describe('infra/*.bicep against the config schema', () => {
  it('sets NODE_ENV=production, so the production rules of loadConfig apply on Azure', () => {
    expect(azureEnv().NODE_ENV).toBe('production');
  });

  it('supplies every setting production requires, with values the config accepts', () => {
    expect(problemsOf(azureEnv())).toEqual([]);
  });

  it('runs on PostgreSQL and applies migrations at start (advisory-locked, so instances starting together are safe)', () => {
    const config = loadConfig(azureEnv());
    expect(config.databaseUrl).toMatch(/^postgresql:/);
    expect(config.migrateOnStart).toBe(true);
  });

  it('would fail if any setting production requires were left out (each one tried)', () => {
    const env = azureEnv();
    const required = [...appSettings.keys()].filter((name) => {
      const without = { ...env };
      delete without[name];
      return problemsOf(without).some((p) => p.startsWith(`${name}:`));
    });
    expect(required).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'CREDENTIAL_KEY']));
  });

  it('sets every secret as a Key Vault reference, never as a value', () => {
    const secrets = [...appSettings.keys()].filter(looksSecret);
    expect(secrets).toEqual(expect.arrayContaining(SECRET_SETTINGS));
    for (const name of secrets) expect({ name, value: appSettings.get(name) }).toEqual({ name, value: expect.stringMatching(KV_REFERENCE) });
  });

  it('takes each Key Vault reference from a secret the vault module creates from a @secure() parameter', () => {
    const vault = readBicep('infra/modules/key-vault.bicep');
    const secure = new Set(bicepParams(vault).filter((p) => p.secure).map((p) => p.name));
    const settingsModule = blockProperties(blockAfter(main, /module settings [^=]+=\s*\{[\s\S]*?params:\s*\{/));
    for (const name of SECRET_SETTINGS) {
      const uriParam = KV_REFERENCE.exec(appSettings.get(name) ?? '')?.[1] ?? '';
      const output = /^vault\.outputs\.(\w+)$/.exec(settingsModule.get(uriParam) ?? '')?.[1];
      expect({ name, output }).toEqual({ name, output: expect.any(String) });
      const secretSymbol = new RegExp(`output ${output} string = (\\w+)\\.properties\\.secretUri`).exec(vault)?.[1];
      const value = /value:\s*(\w+)/.exec(blockAfter(vault, new RegExp(`resource ${secretSymbol} `)))?.[1] ?? '';
      expect({ name, valueParam: value, secure: secure.has(value) }).toEqual({ name, valueParam: value, secure: true });
    }
  });

  it('declares every secret parameter @secure() and fills it from an encrypted SECRET_ variable', () => {
    const parameters = JSON.parse(readFileSync(path.join(ROOT, 'infra/azure.parameters.json'), 'utf8')).parameters as Record<string, { value: unknown }>;
    const secretParams = bicepParams(main).filter((p) => /secret|password|key/i.test(p.name));
    expect(secretParams.map((p) => p.name)).toEqual(expect.arrayContaining(['botAadAppClientSecret', 'credentialKey', 'postgresAdminPassword']));
    for (const p of secretParams) {
      expect({ name: p.name, secure: p.secure }).toEqual({ name: p.name, secure: true });
      const given = Object.hasOwn(parameters, p.name) ? parameters[p.name].value : undefined;
      expect({ name: p.name, given }).toEqual({ name: p.name, given: expect.stringMatching(/^\$\{\{SECRET_\w+\}\}$/) });
    }
  });
});

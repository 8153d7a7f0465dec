import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { parse } from 'yaml';
import { ROOT, blockAfter, blockProperties, literal, readBicep } from './infra/bicep-reader';

// The rest of the Azure target: what runs on App Service, the bot registration, the database and the Agents
// Toolkit lifecycles that deploy it.

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const siteConfig = blockProperties(blockAfter(readBicep('infra/modules/web-app.bicep'), /siteConfig:\s*\{/));
const yamlOf = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, Array<Record<string, any>>>;

describe('App Service, Azure Bot and PostgreSQL', () => {
  it('runs the production build on Node 22 with the same command as npm run start:prod', () => {
    expect(literal(siteConfig.get('linuxFxVersion') ?? '')).toBe('NODE|22-lts');
    expect(literal(siteConfig.get('appCommandLine') ?? '')).toBe(pkg.scripts['start:prod']);
    expect(pkg.scripts['start:prod']).toMatch(/^node dist\//);
  });

  it('takes an instance out of rotation when /readyz does not answer 200', () => {
    expect(literal(siteConfig.get('healthCheckPath') ?? '')).toBe('/readyz');
  });

  it('resolves Key Vault references with its user-assigned managed identity, which may read secrets', () => {
    const web = readBicep('infra/modules/web-app.bicep');
    expect(web).toMatch(/type: 'UserAssigned'/);
    expect(web).toMatch(/keyVaultReferenceIdentity: identityId/);
    expect(readBicep('infra/modules/key-vault.bicep')).toMatch(/keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'/);
  });

  it('registers a single-tenant Azure Bot with the Teams channel, pointed at /api/messages', () => {
    const bot = readBicep('infra/botRegistration/azurebot.bicep');
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(readBicep('infra/azure.bicep')).toMatch(/botEndpoint: 'https:\/\/\$\{web\.outputs\.hostName\}\/api\/messages'/);
  });

  it('uses PostgreSQL 16 with TLS, and sends the app, database and vault logs to Log Analytics', () => {
    expect(readBicep('infra/modules/postgres.bicep')).toMatch(/version: '16'/);
    expect(readBicep('infra/azure.bicep')).toMatch(/sslmode=require/);
    expect(readBicep('infra/modules/web-app.bicep')).toMatch(/AppServiceConsoleLogs/);
    for (const file of ['web-app', 'postgres', 'key-vault']) expect(readBicep(`infra/modules/${file}.bicep`)).toMatch(/workspaceId: workspaceId/);
  });
});

describe('m365agents.yml and m365agents.local.yml', () => {
  const azure = yamlOf('m365agents.yml');
  const local = yamlOf('m365agents.local.yml');
  const uses = (steps: Array<Record<string, any>>) => steps.map((s) => s.uses);

  it('provision the Teams app, a single-tenant Entra app and the Bicep, then the app package', () => {
    for (const project of [azure, local]) {
      expect(uses(project.provision)).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'arm/deploy', 'teamsApp/zipAppPackage', 'teamsApp/update']));
      expect(project.provision.find((s) => s.uses === 'aadApp/create')?.with.signInAudience).toBe('AzureADMyOrg');
      for (const t of project.provision.find((s) => s.uses === 'arm/deploy')?.with.templates ?? []) {
        expect(existsSync(path.join(ROOT, t.path))).toBe(true);
        expect(existsSync(path.join(ROOT, t.parameters))).toBe(true);
      }
    }
  });

  it('deploy builds with npm run build and zip-deploys to the App Service from arm/deploy', () => {
    expect(azure.deploy.map((s) => s.with?.args)).toContain('run build');
    const zip = azure.deploy.find((s) => s.uses === 'azureAppService/zipDeploy');
    expect(zip?.with.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(readBicep('infra/azure.bicep')).toMatch(/output AZURE_APP_SERVICE_RESOURCE_ID string/);
  });

  it('every ${{VARIABLE}} the parameters use is written by provision, set in env/.env.dev.sample, or a SECRET_ the sample names', () => {
    const written = new Set(azure.provision.flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {}) as string[]));
    const sample = readFileSync(path.join(ROOT, 'env/.env.dev.sample'), 'utf8');
    const params = readFileSync(path.join(ROOT, 'infra/azure.parameters.json'), 'utf8');
    const used = [...params.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
    const missing = used.filter((v) => !written.has(v) && !new RegExp(`^#?\\s*${v}=`, 'm').test(sample));
    expect(missing).toEqual([]);
  });
});

describe('.webappignore (what Deploy zips for App Service)', () => {
  // The `ignore` package applies .gitignore rules, which the toolkit's zip deploy follows.
  const rules = ignore().add(readFileSync(path.join(ROOT, '.webappignore'), 'utf8'));

  it('keeps the production build, the migrations and what npm ci --omit=dev needs', () => {
    const kept = ['dist/src/main.js', 'dist/scripts/migrate.js', 'prisma/schema.prisma', 'prisma/migrations/20261129000000_core/migration.sql', 'prisma.config.ts', 'package.json', 'package-lock.json', '.npmrc'];
    expect(kept.filter((f) => rules.ignores(f))).toEqual([]);
  });

  it('leaves out sources, tests, local data and settings, and node_modules (the server installs its own)', () => {
    const left = ['src/main.ts', 'test/unit/config.test.ts', 'node_modules/zod/package.json', 'data/social-steward.db', '.env', 'env/.env.dev.user', '.localConfigs'];
    expect(left.filter((f) => !rules.ignores(f))).toEqual([]);
  });
});

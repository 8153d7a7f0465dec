import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  fillManifest,
  validateManifestOffline,
  type AppPackageValues,
} from '../../src/app-package/fill-manifest';

// @microsoft/app-manifest requires strip-bom@5, which is ESM-only. Node >= 20.19 loads it through require(esm)
// (so tsx scripts are fine), but Jest's own CommonJS module runtime cannot before Node 24.9. The library only uses it
// to read manifest files from disk, which these tests never ask it to do; this stand-in does the same job.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const ROOT = join(__dirname, '..', '..');
const TEMPLATE = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const VALUES: AppPackageValues = {
  teamsAppId: '3f0c5f8e-6a1b-4c2d-9e7f-0a1b2c3d4e5f',
  botId: 'b7e2a9d4-1c3f-4e5a-8b6c-7d8e9f0a1b2c',
  botDomain: 'social-steward.cityofmadison.com',
};

/** The bundled schema named by the manifest's $schema, read from the package on disk. */
function bundledSchema(manifest: Record<string, unknown>): object {
  const version = /\/teams\/(v[\d.]+)\//.exec(String(manifest.$schema))?.[1];
  const pkgDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(join(pkgDir, 'build', 'json-schemas', 'teams', version!, 'MicrosoftTeams.schema.json'), 'utf8'));
}

/** Width and height straight from the IHDR chunk. */
function ihdr(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('manifest template', () => {
  it('uses schema v1.19 or later and exactly the three toolkit placeholders', () => {
    const placeholders = new Set([...TEMPLATE.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]));
    expect([...placeholders].sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    const raw = JSON.parse(TEMPLATE);
    const [major, minor] = String(raw.manifestVersion).split('.').map(Number);
    expect(major === 1 && minor >= 19).toBe(true);
    expect(raw.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${raw.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('lists the commands the bot answers, per scope', () => {
    const bot = fillManifest(TEMPLATE, VALUES).bots as {
      scopes: string[];
      supportsFiles: boolean;
      isNotificationOnly: boolean;
      commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
    }[];
    expect(bot).toHaveLength(1);
    expect(bot[0].scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot[0].supportsFiles).toBe(false);
    expect(bot[0].isNotificationOnly).toBe(false);
    const titles = (scope: string) => bot[0].commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title);
    expect(titles('personal')).toEqual([
      'help',
      'request a presence',
      'my requests',
      'registry',
      'roles',
      'audit',
    ]);
    expect(titles('team')).toEqual(['help', 'channels', 'bind channel', 'roles']);
    for (const list of bot[0].commandLists) for (const c of list.commands) expect(c.description.trim()).not.toBe('');
  });
});

describe('fillManifest', () => {
  it('fills the placeholders and the result passes the official schema, offline', async () => {
    const manifest = fillManifest(TEMPLATE, VALUES);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(VALUES.teamsAppId);
    expect((manifest.bots as { botId: string }[])[0].botId).toBe(VALUES.botId);
    expect(manifest.validDomains).toEqual([VALUES.botDomain]);

    // Guard: any attempt to fetch a schema over the network fails the test.
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used during validation'));
    try {
      // With the bundled schema handed over explicitly...
      expect(await AppManifestUtils.validateAgainstSchema(manifest as never, bundledSchema(manifest) as never)).toEqual([]);
      // ...and as TEAMS.md calls it: the library maps the $schema URL to its bundled copy.
      expect(await AppManifestUtils.validateAgainstSchema(manifest as never)).toEqual([]);
      expect(await validateManifestOffline(manifest)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
      // The guard is effective: a schema the package does not bundle would have been fetched through it.
      await expect(AppManifestUtils.fetchSchema('https://example.org/not-bundled.schema.json')).rejects.toThrow(/network used/);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('the schema check is live: a broken manifest gets errors', async () => {
    const manifest = fillManifest(TEMPLATE, VALUES) as Record<string, any>;
    manifest.developer.name = 'City of Madison Information Technology'; // 38 characters; the schema allows 32
    delete manifest.bots[0].botId;
    manifest.packageName = 'gov.cityofmadison.socialsteward'; // the root allows no extra properties
    const errors = await validateManifestOffline(manifest);
    expect(errors.join('\n')).toMatch(/\/developer\/name/);
    expect(errors.join('\n')).toMatch(/botId/);
    expect(errors.join('\n')).toMatch(/packageName/);
  });

  it('refuses a missing value, naming it', () => {
    expect(() => fillManifest(TEMPLATE, { ...VALUES, botId: '' })).toThrow(/BOT_ID/);
    expect(() => fillManifest(TEMPLATE, { ...VALUES, botDomain: '  ' })).toThrow(/BOT_DOMAIN/);
    expect(() => fillManifest(TEMPLATE, { ...VALUES, teamsAppId: undefined as unknown as string })).toThrow(/TEAMS_APP_ID/);
  });

  it('lists every unfilled placeholder in one message', () => {
    let message = '';
    try {
      fillManifest(TEMPLATE, { teamsAppId: '', botId: '', botDomain: '' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/placeholders left unfilled/);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']) expect(message).toContain(`\${{${name}}}`);
  });

  it('refuses values that would produce a package Teams rejects, and unknown placeholders', () => {
    expect(() => fillManifest(TEMPLATE, { ...VALUES, botId: 'my-bot' })).toThrow(/BOT_ID.*GUID/);
    expect(() => fillManifest(TEMPLATE, { ...VALUES, botDomain: 'https://steward.example.org/api' })).toThrow(/BOT_DOMAIN.*host name only/);
    expect(() => fillManifest(TEMPLATE, { ...VALUES, version: 'v2' })).toThrow(/version/);
    const extra = TEMPLATE.replace('"Social Steward"', '"${{APP_NAME}}"');
    expect(() => fillManifest(extra, VALUES)).toThrow(/APP_NAME.*unknown placeholder/);
  });

  it('sets the version when given', () => {
    expect(fillManifest(TEMPLATE, { ...VALUES, version: '1.2.3' }).version).toBe('1.2.3');
  });
});

describe('icons', () => {
  it('color.png is 192x192 and full colour', () => {
    expect(ihdr(join(APP_PACKAGE_DIR, 'color.png'))).toEqual({ width: 192, height: 192 });
    const png = PNG.sync.read(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.subarray(i, i + 3).toString('hex'));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('outline.png is 32x32, only white or transparent, and not empty', () => {
    expect(ihdr(join(APP_PACKAGE_DIR, 'outline.png'))).toEqual({ width: 32, height: 32 });
    const png = PNG.sync.read(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    const offending: string[] = [];
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) offending.push(`(${(i / 4) % 32},${Math.floor(i / 4 / 32)}) rgba(${r},${g},${b},${a})`);
      else if (a === 255) opaque++;
    }
    expect(offending).toEqual([]);
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
  });
});

describe('buildAppPackage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with exactly manifest.json, color.png and outline.png at its root', async () => {
    const out = join(dir, 'nested', 'social-steward.zip');
    await buildAppPackage({ ...VALUES, version: '1.0.7' }, out);
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.id).toBe(VALUES.teamsAppId);
    expect(manifest.version).toBe('1.0.7');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(await validateManifestOffline(manifest)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(zip.readFile(icon)!.equals(readFileSync(join(APP_PACKAGE_DIR, icon)))).toBe(true);
    }
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('writes nothing when the manifest breaks the schema or a value is missing', async () => {
    const src = join(dir, 'src');
    mkdirSync(src);
    for (const icon of ['color.png', 'outline.png']) copyFileSync(join(APP_PACKAGE_DIR, icon), join(src, icon));
    writeFileSync(join(src, 'manifest.json'), TEMPLATE.replace('"accentColor": "#1D4F91"', '"accentColor": "City blue"'));
    const out = join(dir, 'out.zip');
    await expect(buildAppPackage(VALUES, out, src)).rejects.toThrow(/breaks its schema[\s\S]*accentColor/);
    await expect(buildAppPackage({ ...VALUES, botDomain: '' }, out)).rejects.toThrow(/BOT_DOMAIN/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an icon of the wrong size', async () => {
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'manifest.json'), TEMPLATE);
    copyFileSync(join(APP_PACKAGE_DIR, 'color.png'), join(src, 'color.png'));
    copyFileSync(join(APP_PACKAGE_DIR, 'color.png'), join(src, 'outline.png'));
    await expect(buildAppPackage(VALUES, join(dir, 'out.zip'), src)).rejects.toThrow(/outline\.png must be 32x32 pixels, is 192x192/);
  });
});

describe('scripts/package-app.ts', () => {
  it('refuses with one message listing every missing setting', async () => {
    // Run from an empty folder so a developer's .env cannot fill the values in.
    const cwd = mkdtempSync(join(tmpdir(), 'package-app-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'BOT_PASSWORD', 'BOT_TENANT_ID']) delete env[name];
    try {
      const run = promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'package-app.ts')], {
        cwd,
        env,
        timeout: 60_000,
      });
      await expect(run).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/Cannot build the Teams app package: set TEAMS_APP_ID, BOT_ID, BOT_DOMAIN/),
      });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});

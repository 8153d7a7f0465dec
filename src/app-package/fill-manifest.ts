import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';

/**
 * The Teams app package: appPackage/manifest.json is a template with `${{NAME}}` placeholders (the Microsoft 365
 * Agents Toolkit convention); this fills it and zips it with the two icons.
 * Used by scripts/package-app.ts and the tests only, never by the running bot.
 */

export interface AppPackageValues {
  /** The Teams app id (a GUID), `${{TEAMS_APP_ID}}`. */
  teamsAppId: string;
  /** The bot's Microsoft App ID (a GUID), `${{BOT_ID}}`. */
  botId: string;
  /** Host name the bot is reached at, without scheme or path, `${{BOT_DOMAIN}}`. */
  botDomain: string;
  /** Overrides the manifest's `version` (MAJOR.MINOR.PATCH); Teams only takes an update whose version went up. */
  version?: string;
}

/** Placeholder name -> the value that fills it. */
const PLACEHOLDERS = {
  TEAMS_APP_ID: 'teamsAppId',
  BOT_ID: 'botId',
  BOT_DOMAIN: 'botDomain',
} as const satisfies Record<string, keyof AppPackageValues>;

type PlaceholderName = keyof typeof PLACEHOLDERS;

const PLACEHOLDER_RE = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const GUID_RE = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A host name (wildcard first label allowed, as validDomains allows) with an optional port. */
const DOMAIN_RE = /^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;
const VERSION_RE = /^\d+\.\d+\.\d+$/;

/** The files at the root of the package, besides manifest.json. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
/** Required icon sizes in pixels (square). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** The folder holding manifest.json and the icons. */
export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');

function problemFor(name: PlaceholderName, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return `\${{${name}}}: no value given`;
  if (name === 'BOT_DOMAIN') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.includes('/')) {
      return `\${{${name}}}: give the host name only (like bot.example.org), not a URL: "${v}"`;
    }
    if (!DOMAIN_RE.test(v)) return `\${{${name}}}: not a host name: "${v}"`;
    return undefined;
  }
  if (!GUID_RE.test(v)) return `\${{${name}}}: must be a GUID, got "${v}"`;
  return undefined;
}

/**
 * Fills the `${{TEAMS_APP_ID}}`, `${{BOT_ID}}` and `${{BOT_DOMAIN}}` placeholders of a manifest template and parses it.
 * Throws one Error listing every placeholder that has no (valid) value, including any placeholder this function
 * does not know, so nothing half-filled ever reaches Teams.
 */
export function fillManifest(templateText: string, values: AppPackageValues): Record<string, unknown> {
  const used = new Set<string>();
  for (const m of templateText.matchAll(PLACEHOLDER_RE)) used.add(m[1]);

  const problems: string[] = [];
  for (const name of Object.keys(PLACEHOLDERS) as PlaceholderName[]) {
    const p = problemFor(name, values[PLACEHOLDERS[name]]);
    if (p) problems.push(p);
  }
  for (const name of used) {
    if (!(name in PLACEHOLDERS)) problems.push(`\${{${name}}}: unknown placeholder, nothing fills it`);
  }
  if (values.version !== undefined && !VERSION_RE.test(values.version)) {
    problems.push(`version: must be MAJOR.MINOR.PATCH (like 1.0.3), got "${values.version}"`);
  }
  if (problems.length) {
    throw new Error(`Cannot fill the Teams manifest; placeholders left unfilled:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const filled = templateText.replace(PLACEHOLDER_RE, (_whole, name: PlaceholderName) =>
    // The placeholders sit inside JSON strings: escape the value as JSON string content.
    JSON.stringify(values[PLACEHOLDERS[name]]!.trim()).slice(1, -1),
  );
  let manifest: unknown;
  try {
    manifest = JSON.parse(filled);
  } catch (e) {
    throw new Error(`The Teams manifest template is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('The Teams manifest template must be a JSON object');
  }
  const result = manifest as Record<string, unknown>;
  if (values.version !== undefined) result.version = values.version;
  return result;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Validates a filled manifest against the JSON schema that @microsoft/app-manifest bundles for its `$schema`
 * version, offline: the schema is read from the package, never fetched. Returns the errors (empty when valid).
 */
export async function validateManifestOffline(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = String(manifest.$schema ?? '');
  const m = /\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!m) throw new Error(`manifest $schema is not a Teams manifest schema URL: "${schemaUrl}"`);
  const pkgDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = join(pkgDir, 'build', 'json-schemas', 'teams', m[1], 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile)) {
    throw new Error(`@microsoft/app-manifest bundles no schema for ${m[1]}; update it or lower manifestVersion`);
  }
  const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

/**
 * Writes the Teams app package: a zip holding manifest.json (filled), color.png and outline.png at its root.
 * Refuses, writing nothing, a manifest that breaks its schema, icons of the wrong size, or a manifest whose `icons`
 * name other files. Returns the filled manifest.
 */
export async function buildAppPackage(
  values: AppPackageValues,
  outFile: string,
  sourceDir: string = APP_PACKAGE_DIR,
): Promise<Record<string, unknown>> {
  const manifest = fillManifest(await readFile(join(sourceDir, 'manifest.json'), 'utf8'), values);
  const errors = await validateManifestOffline(manifest);
  if (errors.length) {
    throw new Error(`The filled manifest breaks its schema (${String(manifest.$schema)}):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  const icons = manifest.icons as Record<string, unknown> | undefined;
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const kind of ['color', 'outline'] as const) {
    const file = ICON_FILES[kind];
    if (icons?.[kind] !== file) {
      throw new Error(`manifest.json icons.${kind} must be "${file}" (the file at the package root), got ${JSON.stringify(icons?.[kind])}`);
    }
    const png = await readFile(join(sourceDir, file));
    const { width, height } = pngSize(png);
    const want = ICON_SIZES[kind];
    if (width !== want || height !== want) {
      throw new Error(`${file} must be ${want}x${want} pixels, is ${width}x${height}`);
    }
    zip.addFile(file, png);
  }
  await mkdir(dirname(outFile), { recursive: true });
  // Write beside the target and rename, so a failed run never leaves a half-written package behind.
  const partial = `${outFile}.partial`;
  await writeFile(partial, zip.toBuffer());
  await rename(partial, outFile);
  return manifest;
}

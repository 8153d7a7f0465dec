import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ZManifestForVerify } from './manifest';

export type VerifyResult =
  | { ok: true; files: number }
  | { ok: false; problems: string[]; changed: string[]; missing: string[]; unexpected: string[] };

const openFile = promisify<string, yauzl.Options, ZipFile>(yauzl.open);
const openBuffer = promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer);

/** SHA-256 and text (manifest only) of every entry, reading one entry at a time. */
async function digestEntries(zip: ZipFile): Promise<{ hashes: Map<string, string>; manifest?: string }> {
  const hashes = new Map<string, string>();
  let manifest: string | undefined;
  const openStream = promisify(zip.openReadStream.bind(zip)) as (e: Entry) => Promise<NodeJS.ReadableStream>;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: Entry) => {
      (async () => {
        const hash = createHash('sha256');
        const keep: Buffer[] = [];
        for await (const chunk of await openStream(entry)) {
          hash.update(chunk as Buffer);
          if (entry.fileName === 'manifest.json') keep.push(chunk as Buffer);
        }
        hashes.set(entry.fileName, hash.digest('hex'));
        if (entry.fileName === 'manifest.json') manifest = Buffer.concat(keep).toString('utf8');
        zip.readEntry();
      })().catch(reject);
    });
    zip.readEntry();
  });
  return { hashes, manifest };
}

/**
 * Checks a records export against its manifest (REC-2): every listed file present with the same SHA-256, and no
 * file the manifest does not list. Names each file that changed, went missing or was added.
 */
export async function verifyExport(source: string | Buffer): Promise<VerifyResult> {
  const opts = { lazyEntries: true, validateEntrySizes: true };
  let zip: ZipFile;
  try {
    zip = typeof source === 'string' ? await openFile(source, opts) : await openBuffer(source, opts);
  } catch (err) {
    return { ok: false, problems: [`not a readable ZIP: ${(err as Error).message}`], changed: [], missing: [], unexpected: [] };
  }
  const { hashes, manifest } = await digestEntries(zip);
  if (manifest === undefined) return { ok: false, problems: ['manifest.json is missing'], changed: [], missing: ['manifest.json'], unexpected: [] };
  let parsed;
  try {
    parsed = ZManifestForVerify.safeParse(JSON.parse(manifest));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return { ok: false, problems: ['manifest.json is not a Social Steward export manifest'], changed: ['manifest.json'], missing: [], unexpected: [] };
  const listed = new Map(parsed.data.files.map((f) => [f.name, f.sha256]));
  const changed = [...listed].filter(([name, sha]) => hashes.has(name) && hashes.get(name) !== sha).map(([name]) => name);
  const missing = [...listed.keys()].filter((name) => !hashes.has(name));
  const unexpected = [...hashes.keys()].filter((name) => name !== 'manifest.json' && !listed.has(name));
  if (!changed.length && !missing.length && !unexpected.length) return { ok: true, files: listed.size };
  const problems = [...changed.map((n) => `${n} changed (its SHA-256 differs from the manifest)`), ...missing.map((n) => `${n} is missing`), ...unexpected.map((n) => `${n} is not in the manifest`)];
  return { ok: false, problems, changed, missing, unexpected };
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** README.md and every Markdown file under docs/, as [relative path, text]. */
export function docs(): Array<[string, string]> {
  const files = ['README.md', ...walk(path.join(ROOT, 'docs')).map((f) => path.relative(ROOT, f))];
  return files.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.md') ? [path.join(dir, d.name)] : [],
  );
}

/** The commands in the first column of the README's "## Commands" table, aliases included (`a` (also `b`, `c`)). */
export function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Commands\n')) ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}

/** Every `npm run NAME` in the docs, with where it was found. */
export function npmRunsInDocs(): Array<{ script: string; file: string }> {
  return docs().flatMap(([file, text]) => [...text.matchAll(/npm run ([\w:.-]+)/g)].map((m) => ({ script: m[1], file })));
}

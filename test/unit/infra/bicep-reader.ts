import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Just enough of Bicep to check our own templates: parameters with their decorators, and the first-level
 * `name: value` lines of an object block. No Bicep compiler installs from npm, so the test reads the text.
 */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function readBicep(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export interface BicepParam {
  name: string;
  type: string;
  secure: boolean;
}

export function bicepParams(text: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('@')) decorators.push(line);
    const m = /^param\s+(\w+)\s+(\w+)/.exec(line);
    if (m) {
      params.push({ name: m[1], type: m[2], secure: decorators.some((d) => d.startsWith('@secure()')) });
    }
    if (!line.startsWith('@')) decorators = [];
  }
  return params;
}

/** The text between the `{` that follows `opening` and its matching `}`. */
export function blockAfter(text: string, opening: RegExp): string {
  const m = opening.exec(text);
  if (!m) throw new Error(`no block matching ${opening}`);
  const start = text.indexOf('{', m.index + m[0].length - 1);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error(`unclosed block after ${opening}`);
}

/** `KEY: expression` lines at the top level of a block (nested objects and comments skipped), in order. */
export function blockProperties(block: string): Map<string, string> {
  const props = new Map<string, string>();
  let depth = 0;
  for (const raw of block.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = depth === 0 ? /^([A-Za-z_][\w]*)\s*:\s*(.+)$/.exec(line) : null;
    if (m) props.set(m[1], m[2].trim());
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return props;
}

/** A Bicep string literal with no interpolation, unquoted; undefined for any other expression. */
export function literal(expr: string): string | undefined {
  const m = /^'([^'$]*)'$/.exec(expr);
  return m ? m[1] : undefined;
}

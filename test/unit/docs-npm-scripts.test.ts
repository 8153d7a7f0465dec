import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, npmRunsInDocs } from './docs/markdown';

// The README and docs/ are what a City's IT follows: every npm script they name must exist.
describe('npm scripts named in README.md and docs/', () => {
  const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

  it('finds the scripts the docs name (the check reads something)', () => {
    expect(npmRunsInDocs().map((r) => r.script)).toEqual(expect.arrayContaining(['bot', 'build', 'start:prod', 'db:migrate']));
  });

  it('names only scripts that package.json has', () => {
    const missing = npmRunsInDocs().filter((r) => !scripts.includes(r.script));
    expect(missing).toEqual([]);
  });

  it('keeps the quick start: npm start and npm test exist', () => {
    expect(scripts).toEqual(expect.arrayContaining(['start', 'test']));
  });
});

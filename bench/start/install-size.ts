import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function folderMb(folder: string): number {
  return Number(execFileSync('du', ['-sk', folder], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}

/** `npm ci --omit=dev` in a fresh clone of HEAD, as a production host installs: size of node_modules and time. */
export function productionInstall(repo: string): { mb: number; seconds: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-install-'));
  try {
    execFileSync('git', ['clone', '--quiet', repo, dir], { stdio: 'ignore' });
    const started = performance.now();
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'ignore' });
    return { mb: folderMb(path.join(dir, 'node_modules')), seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildBot {
  proc: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` as its own process, as `npm run bot` does, for tests of start-up, SIGTERM and SIGKILL. */
export function spawnBot(env: Record<string, string>): ChildBot & { ready: Promise<string> } {
  // One process (node with tsx's loader), so SIGKILL and SIGTERM reach the bot itself and not a wrapper.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    // A clean environment: only what the test sets, plus PATH, so the developer's .env cannot leak in.
    env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /running: (http:\/\/[^/\s]+)\/api\/messages/.exec(out);
      if (m) return resolve(m[1]);
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`bot exited with ${code} before it was ready:\n${out}`)));
  });
  const bot = { proc, url: '', output: () => out, exited, ready };
  void ready.then((url) => (bot.url = url), () => undefined);
  return bot;
}

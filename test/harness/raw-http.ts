import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A POST that tolerates the server answering before the body is sent and closing the connection (what a server
 * that refuses from the headers does): fetch would report that as a network error instead of the status.
 */
export function postRaw(url: string, headers: Record<string, string | number>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-length': body.length, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    // Written in chunks so an early answer can arrive while the body is still going out.
    const chunk = 1024 * 1024;
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const ok = req.write(body.subarray(offset, offset + chunk));
        offset += chunk;
        if (!ok) return void req.once('drain', writeMore);
      }
      req.end();
    };
    req.on('socket', () => writeMore());
  });
}

/** Peak and current resident memory of a process (Linux), in bytes. */
export function memoryOf(pid: number): { peak: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), rss: kb('VmRSS') };
}

/** Resets a process's peak resident memory to its current size (Linux: "5" to clear_refs), so the next peak is fresh. */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

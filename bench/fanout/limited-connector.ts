import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Teams' proactive limits (TEAMS.md): per thread 7 in 1 s and 8 in 2 s; per tenant 50 in 1 s. */
const THREAD_LIMITS = [
  { windowMs: 1000, max: 7 },
  { windowMs: 2000, max: 8 },
];
const TENANT_LIMIT = { windowMs: 1000, max: 50 };

function countSince(times: number[], since: number): number {
  let n = 0;
  for (let i = times.length - 1; i >= 0 && times[i] > since; i--) n++;
  return n;
}

/**
 * A connector that enforces Teams' limits the way Teams does: a send over a limit is refused with 429 and
 * Retry-After, and does not count as delivered. Records each accepted send with the message's own key (its summary),
 * so a benchmark can count what was lost and what arrived twice.
 */
export class LimitedConnector {
  readonly accepted: Array<{ conversationId: string; key: string; at: number }> = [];
  throttled = 0;
  private readonly perThread = new Map<string, number[]>();
  private readonly tenant: number[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => this.answer(req, body, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? 'new');
    const now = Date.now();
    const thread = this.perThread.get(conversationId) ?? [];
    const over = THREAD_LIMITS.some((l) => countSince(thread, now - l.windowMs) >= l.max) || countSince(this.tenant, now - TENANT_LIMIT.windowMs) >= TENANT_LIMIT.max;
    if (over) {
      this.throttled += 1;
      // Two statements: restify, loaded in this process, replaces writeHead with one that returns nothing.
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ error: { code: 'Throttled' } }));
      return;
    }
    thread.push(now);
    this.perThread.set(conversationId, thread);
    this.tenant.push(now);
    let key = '';
    try {
      key = JSON.parse(body).summary ?? '';
    } catch {
      // not JSON: counted without a key
    }
    this.accepted.push({ conversationId, key, at: now });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `act-${this.accepted.length}` }));
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  /** The conversation id from the path, decoded. */
  conversationId?: string;
  body: any;
  at: number;
  /** The status the fake answered with (absent while a scripted call hangs). */
  status?: number;
  /** The sender's connection closed before the (slow) answer: it never learned the call succeeded. */
  cutOff?: boolean;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (a hung connection), until the test ends. */
  hang?: boolean;
}

type Matcher = (call: ConnectorCall) => boolean;

/**
 * A stand-in for the Bot Framework connector (Teams' side of proactive and reply calls). It records every outbound
 * call and answers like Teams does; tests can script failures (429 with Retry-After, 500, 403) for matching calls.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly scripts: Array<{ match: Matcher; response: ScriptedResponse; times: number }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly hung = new Set<http.ServerResponse>();
  /** What GET /v3/teams/{id}/conversations answers (TeamsInfo.getTeamChannels). */
  teamChannels: Array<{ id: string; name?: string }> = [];
  /** A slow Teams: every successful answer waits this long (a process killed meanwhile never hears it). */
  latencyMs = 0;
  private server?: http.Server;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next `times` calls that match get this response instead of success. */
  script(match: Matcher, response: ScriptedResponse, times = 1): void {
    this.scripts.push({ match, response, times });
  }

  /** Calls that delivered a card (sends, thread starts, updates), optionally to one conversation. */
  cards(filter: Matcher = () => true): Array<{ call: ConnectorCall; card: any }> {
    return this.calls.filter(filter).flatMap((call) => {
      const activity = call.body?.activity ?? call.body;
      const att = activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive');
      return att ? [{ call, card: att.content }] : [];
    });
  }

  async waitFor(match: Matcher, { timeoutMs = 10_000, count = 1 } = {}): Promise<ConnectorCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.filter(match);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`FakeConnector: waited ${timeoutMs} ms for ${count} matching call(s), saw ${found.length}. Calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(t);
          this.waiters.delete(wake);
          resolve();
        };
        const t = setTimeout(wake, Math.min(left, 200));
        this.waiters.add(wake);
      });
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const m = /^\/v3\/conversations\/([^/]+)/.exec(path);
      const call: ConnectorCall = { method: req.method ?? '', path, conversationId: m ? decodeURIComponent(m[1]) : undefined, body: raw ? JSON.parse(raw) : undefined, at: Date.now() };
      this.calls.push(call);
      for (const wake of [...this.waiters]) wake();
      const script = this.scripts.find((s) => s.times > 0 && s.match(call));
      if (script) {
        script.times -= 1;
        if (script.response.hang) {
          this.hung.add(res);
          return;
        }
        call.status = script.response.status;
        res.writeHead(script.response.status, { 'content-type': 'application/json', ...script.response.headers });
        res.end(JSON.stringify(script.response.body ?? { error: { code: 'Scripted', message: `scripted ${script.response.status}` } }));
        return;
      }
      const answer = () => {
        if (res.destroyed || req.socket.destroyed) {
          call.cutOff = true;
          return;
        }
        call.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.success(call)));
      };
      if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
      else answer();
    });
  }

  private success(call: ConnectorCall): unknown {
    const id = String(this.nextId++);
    if (call.method === 'GET' && /^\/v3\/teams\/[^/]+\/conversations$/.test(call.path)) return { conversations: this.teamChannels };
    if (call.method === 'POST' && call.path === '/v3/conversations') {
      // A new channel thread: Teams answers with the thread's conversation id, "<channel>;messageid=<id>".
      const channel = call.body?.channelData?.channel?.id ?? 'channel';
      return { id: `${channel};messageid=${id}`, activityId: id };
    }
    if (call.method === 'PUT') return { id: decodeURIComponent(call.path.split('/').pop() ?? id) };
    return { id: `activity-${id}` };
  }
}

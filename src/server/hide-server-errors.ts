import { randomUUID } from 'node:crypto';
import type { Response } from 'restify';
import type { Logger } from '../log/logger';

/**
 * The adapter answers a failed turn with `500` and the error's own message (a database path, a key-fetch failure).
 * This wraps the response it writes to: a 5xx goes out as a generic message with an id to quote, and the detail goes
 * to the log under the same id. Other statuses pass through unchanged.
 */
export function hideServerErrors(res: Response, log: Logger) {
  let status = 200;
  return {
    get headersSent() {
      return res.headersSent;
    },
    get statusCode() {
      return res.statusCode;
    },
    socket: res.socket,
    header: (name: string, value?: unknown) => (value === undefined ? res.header(name) : res.header(name, value)),
    status(code: number) {
      status = code;
      return res.status(code);
    },
    send(body?: unknown) {
      if (status >= 500) {
        const correlationId = randomUUID().slice(0, 8);
        log.error({ status, detail: typeof body === 'string' ? body : JSON.stringify(body)?.slice(0, 2000), correlationId }, 'adapter answered with a server error');
        return res.send(status, { error: 'Social Steward could not handle this request.', correlationId });
      }
      return res.send(body);
    },
    end: () => res.end(),
  };
}

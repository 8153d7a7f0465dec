import { randomUUID } from 'node:crypto';
import type { Response } from 'restify';
import type { Logger } from '../log/logger';

/** What every 5xx says; the detail is in the log under the correlation id. */
export const GENERIC_SERVER_ERROR = 'Social Steward could not handle this request.';

/** Answers a server error with the generic message and logs the detail; returns the id it was logged under. */
export function answerServerError(res: Response, status: number, detail: unknown, log: Logger, msg: string): string {
  const correlationId = randomUUID().slice(0, 8);
  log.error({ status, detail: detail instanceof Error ? detail : typeof detail === 'string' ? detail : JSON.stringify(detail)?.slice(0, 2000), correlationId }, msg);
  res.send(status, { error: GENERIC_SERVER_ERROR, correlationId });
  return correlationId;
}

/**
 * The adapter answers a failed turn with `500` and the error's own message (a database path, a key-fetch failure).
 * This wraps the response it writes to: a 5xx goes out as a generic message with an id to quote, and the detail goes
 * to the log under the same id. Other statuses pass through unchanged. The logger is asked for only when needed.
 */
export function hideServerErrors(res: Response, log: () => Logger) {
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
      if (status >= 500) return answerServerError(res, status, body, log(), 'adapter answered with a server error');
      return res.send(body);
    },
    end: () => res.end(),
  };
}

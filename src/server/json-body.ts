import restify, { type Request, type Response, type Next, type RequestHandler } from 'restify';

/** The largest activity we parse. Teams' biggest activities (a card with its inputs) are far below this. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/**
 * Bot Framework posts uncompressed `application/json` only. Anything else is refused from the headers alone,
 * before a byte of the body is read: restify's general bodyParser wrote multipart parts to the temp folder (its size
 * limit skips multipart) and measured gzip bodies before inflating them, both before authentication.
 */
export function refuseNonJson(req: Request, res: Response, next: Next): void {
  const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    res.send(415, { error: 'Send the activity as application/json.' });
    return next(false);
  }
  if (req.header('content-encoding')) {
    res.header('accept-encoding', 'identity');
    res.send(415, { error: 'Compressed bodies are not accepted: send the activity without Content-Encoding.' });
    return next(false);
  }
  return next();
}

/** The handlers that read an activity: the header check, then a size-limited JSON parser (no other parsers). */
export function jsonActivityBody(): RequestHandler[] {
  // jsonBodyParser hands its options to its body reader, which enforces maxBodySize (missing from @types/restify).
  const options = { maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false } as restify.plugins.JsonBodyParserOptions;
  return [refuseNonJson, ...restify.plugins.jsonBodyParser(options)];
}

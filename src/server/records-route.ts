import type { Server } from 'restify';
import type { Config } from '../config/config';
import type { Db } from '../store/prisma';
import type { Logger } from '../log/logger';
import { openExportLink } from '../services/records/open-export-link';
import { exportRecords } from '../services/records/export-records';

/** A download is a file, never a page to frame, sniff or cache; the link itself must not leak in a Referer. */
export const DOWNLOAD_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000',
} as const;

/** GET /records/exports/:token: the single-use records export (REC-2), streamed as it is made. */
export function registerRecordsRoute(server: Server, deps: { db: Db; config: Config; log: Logger }): void {
  server.get('/records/exports/:token', async (req, res) => {
    const opened = await openExportLink(deps.db, deps.config, String(req.params.token ?? ''));
    if (!opened.ok) {
      res.writeHead(opened.status, { ...DOWNLOAD_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end(opened.message);
      return;
    }
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    res.writeHead(200, { ...DOWNLOAD_HEADERS, 'content-type': 'application/zip', 'content-disposition': `attachment; filename="records-export-${stamp}.zip"` });
    try {
      await exportRecords(deps.db, res, opened.query, opened.by, 'teams', { timeZone: deps.config.timeZone, extra: { linkId: opened.linkId } });
    } catch (err) {
      // Headers are sent: all we can do is cut the download short, so the browser reports it failed.
      deps.log.error({ err, linkId: opened.linkId }, 'records export failed while streaming');
      res.destroy(err as Error);
    }
  });
}

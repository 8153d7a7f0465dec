import type { Server } from 'restify';
import type { Config } from '../config/config';
import type { Db } from '../store/prisma';
import { verifyDocumentPath } from '../records/document-links';
import { renderPolicyHtml } from '../records/policy-html';
import { policyDraftOf } from '../services/policy/policy-views';
import { POLICY_STATUS_LABELS } from '../domain/department-policy';
import { ownLabel } from '../domain/own-keys';
import { formatWhen } from '../domain/when';

export const policyDocumentPath = (policyId: string) => `/documents/policies/${policyId}`;

/** GET /documents/policies/:id?expires&sig: a filed policy as HTML, for a signed, expiring link only. */
export function registerDocumentRoute(server: Server, deps: { db: Db; config: Config }): void {
  server.get('/documents/policies/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const q = new URL(req.url ?? '', 'http://local').searchParams;
    if (!deps.config.credentialKey || !verifyDocumentPath(deps.config.credentialKey, policyDocumentPath(id), q.get('expires') ?? undefined, q.get('sig') ?? undefined, new Date())) {
      res.send(403, { error: 'This link is not valid or has expired. Ask Social Steward for a new one.' });
      return;
    }
    const policy = await deps.db.departmentPolicy.findUnique({ where: { id } });
    if (!policy?.number) {
      res.send(404, { error: 'No such policy' });
      return;
    }
    const dept = await deps.db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
    const filer = await deps.db.person.findUnique({ where: { id: policy.filerId } });
    const html = renderPolicyHtml({
      departmentName: dept.name,
      number: policy.number,
      status: ownLabel(POLICY_STATUS_LABELS, policy.status),
      facts: [
        ['Filed by', filer?.name ?? 'unknown'],
        ['Filed on', policy.filedAt ? formatWhen(policy.filedAt, deps.config.timeZone) : '-'],
        ...(policy.decidedAt ? ([['Decided on', formatWhen(policy.decidedAt, deps.config.timeZone)]] as Array<[string, string]>) : []),
      ],
      draft: policyDraftOf(policy.answers),
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
}

import type { Server, Response } from 'restify';
import type { Config } from '../config/config';
import { TX_OPTIONS, type Db } from '../store/prisma';
import { appendAudit } from '../records/audit';
import type { Role } from '../domain/roles';
import { verifyDocumentPath } from '../records/document-links';
import { renderPolicyHtml } from '../records/policy-html';
import { policyDraftOf } from '../services/policy/policy-views';
import { POLICY_STATUS_LABELS } from '../domain/department-policy';
import { mayGetPolicyDocument } from '../domain/policy-document-access';
import { ownLabel } from '../domain/own-keys';
import { formatWhen } from '../domain/when';

export const policyDocumentPath = (policyId: string) => `/documents/policies/${policyId}`;

/**
 * The page holds a department's own text: no script may run, nothing may load from elsewhere, no other site may
 * frame it, and the signed link (in the address) is never sent on as a referrer.
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const refuse = (res: Response): void => {
  res.send(403, { error: 'This link is not valid or has expired. Ask Social Steward for a new one.' });
};

/** GET /documents/policies/:id?expires&sig&holder: a filed policy as HTML, for a signed, expiring link only. */
export function registerDocumentRoute(server: Server, deps: { db: Db; config: Config }): void {
  server.get('/documents/policies/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const q = new URL(req.url ?? '', 'http://local').searchParams;
    const link = { expires: q.get('expires') ?? undefined, sig: q.get('sig') ?? undefined, holder: q.get('holder') ?? undefined };
    const holderId = deps.config.credentialKey ? verifyDocumentPath(deps.config.credentialKey, policyDocumentPath(id), link, new Date()) : undefined;
    if (!holderId) return refuse(res);
    const policy = await deps.db.departmentPolicy.findUnique({ where: { id } });
    if (!policy?.number) {
      res.send(404, { error: 'No such policy' });
      return;
    }
    // The link was made for someone who could get the document then; they must still be able to now.
    const grants = await deps.db.roleGrant.findMany({ where: { personId: holderId, revokedAt: null } });
    const holder = { personId: holderId, roles: grants.map((g) => ({ role: g.role as Role, ...(g.departmentId ? { departmentId: g.departmentId } : {}) })) };
    if (!mayGetPolicyDocument(holder, policy)) return refuse(res);
    // REC-1: each opening of a document link is on record, by the person the link was issued to.
    const opener = await deps.db.person.findUnique({ where: { id: holderId }, select: { name: true } });
    await deps.db.$transaction((tx) => appendAudit(tx, { actor: { personId: holderId, name: opener?.name ?? 'unknown' }, action: 'policy.document_opened', entityType: 'department_policy', entityId: policy.id, data: {} }), TX_OPTIONS);
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
    res.writeHead(200, PAGE_HEADERS);
    res.end(html);
  });
}

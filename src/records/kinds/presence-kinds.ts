import type { RecordKind } from '../record-kind';
import { afterCreated, clip, CREATED_ORDER, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** REQ-1..REQ-4: every request for a presence, drafts and withdrawn ones included. */
export const presenceRequests: RecordKind = {
  name: 'presence-requests',
  label: 'Requests for a presence',
  jsonColumns: ['answers'],
  columns: ['id', 'status', 'round', 'version', 'requester', 'requesterId', 'department', 'departmentId', 'presenceId', 'answers', 'submittedAt', 'createdAt', 'updatedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.presenceRequest.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (r) => {
        const links = ctx.request(r.id);
        return {
          values: { id: r.id, status: r.status, round: r.round, version: r.version, requester: ctx.personName(r.requesterId), requesterId: r.requesterId, department: ctx.departmentName(links?.departmentId), departmentId: links?.departmentId ?? null, presenceId: links?.presenceId ?? null, answers: r.answers, submittedAt: iso(r.submittedAt), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) },
          facets: { at: r.createdAt, until: r.updatedAt, presenceIds: [links?.presenceId], departmentIds: [links?.departmentId], personIds: [r.requesterId] },
          line: `${ctx.personName(r.requesterId)}: ${r.status}, round ${r.round} (${ctx.departmentName(links?.departmentId) || 'no department yet'})`,
        };
      },
      size,
    ),
};

/** REQ-2/REQ-4: each review stage of each submission round, with what the reviewer was shown and decided. */
export const reviewRounds: RecordKind = {
  name: 'review-rounds',
  label: 'Review rounds of requests',
  jsonColumns: ['snapshot'],
  columns: ['id', 'requestId', 'round', 'stage', 'status', 'decider', 'deciderId', 'decidedAt', 'reason', 'snapshot', 'cardHash', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.review.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (r) => {
        const links = ctx.request(r.requestId);
        return {
          values: { id: r.id, requestId: r.requestId, round: r.round, stage: r.stage, status: r.status, decider: ctx.personName(r.deciderId), deciderId: r.deciderId, decidedAt: iso(r.decidedAt), reason: r.reason, snapshot: r.snapshot, cardHash: r.cardHash, createdAt: iso(r.createdAt) },
          facets: { at: r.createdAt, until: r.decidedAt ?? r.createdAt, presenceIds: [links?.presenceId], departmentIds: [links?.departmentId], personIds: [r.deciderId, links?.requesterId] },
          line: `Round ${r.round}, ${r.stage} review: ${r.status}${r.deciderId ? ` by ${ctx.personName(r.deciderId)}` : ''}${r.reason ? `: ${clip(r.reason, 60)}` : ''}`,
        };
      },
      size,
    ),
};

/** REG-1: the registry. The stored login (REG-2 ciphertext) is never exported; only whether one is stored. */
export const presences: RecordKind = {
  name: 'presences',
  label: 'Presences in the registry',
  jsonColumns: ['record'],
  columns: ['id', 'requestId', 'department', 'departmentId', 'platform', 'handle', 'state', 'owner', 'ownerId', 'accountUrl', 'loginStored', 'loginChangedAt', 'loginChangedBy', 'handedOverAt', 'record', 'noticeConfirmedAt', 'version', 'createdAt', 'updatedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.presence.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (p) => ({
        values: { id: p.id, requestId: p.requestId, department: ctx.departmentName(p.departmentId), departmentId: p.departmentId, platform: p.platform, handle: p.handle, state: p.state, owner: ctx.personName(p.ownerId), ownerId: p.ownerId, accountUrl: p.accountUrl, loginStored: p.credential !== null, loginChangedAt: iso(p.credentialChangedAt), loginChangedBy: p.credentialChangedById ? ctx.personName(p.credentialChangedById) : null, handedOverAt: iso(p.handedOverAt), record: p.record, noticeConfirmedAt: iso(p.noticeConfirmedAt), version: p.version, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) },
        facets: { at: p.createdAt, until: p.updatedAt, presenceIds: [p.id], departmentIds: [p.departmentId], personIds: [p.ownerId, ctx.request(p.requestId)?.requesterId] },
        line: `${p.handle} on ${p.platform}, ${ctx.departmentName(p.departmentId)}: ${p.state}`,
      }),
      size,
    ),
};

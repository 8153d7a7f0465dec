import type { RecordKind } from '../record-kind';
import { afterCreated, clip, CREATED_ORDER, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** POL-1..POL-3: each department policy version (drafts, filed, acknowledged, returned, cancelled). */
export const departmentPolicies: RecordKind = {
  name: 'department-policies',
  label: 'Department policies and their versions',
  jsonColumns: ['answers'],
  columns: ['id', 'department', 'departmentId', 'version', 'status', 'filer', 'filerId', 'filedAt', 'decider', 'deciderId', 'decidedAt', 'comments', 'answers', 'cardHash', 'createdAt', 'updatedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.departmentPolicy.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (p) => ({
        values: { id: p.id, department: ctx.departmentName(p.departmentId), departmentId: p.departmentId, version: p.number, status: p.status, filer: ctx.personName(p.filerId), filerId: p.filerId, filedAt: iso(p.filedAt), decider: ctx.personName(p.deciderId), deciderId: p.deciderId, decidedAt: iso(p.decidedAt), comments: p.comments, answers: p.answers, cardHash: p.cardHash, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) },
        facets: { at: p.createdAt, until: p.updatedAt, presenceIds: [], departmentIds: [p.departmentId], personIds: [p.filerId, p.deciderId] },
        line: `${ctx.departmentName(p.departmentId)}: ${p.number ? `version ${p.number}` : 'draft'}, ${p.status}`,
      }),
      size,
    ),
};

/** REQ-5: requests to block employee access to social media sites, and IT's answers. */
export const siteBlocks: RecordKind = {
  name: 'site-blocks',
  label: 'Requests to block social media sites',
  columns: ['id', 'department', 'departmentId', 'requester', 'requesterId', 'sites', 'reason', 'status', 'decider', 'deciderId', 'decidedAt', 'response', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.accessBlockRequest.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (b) => ({
        values: { id: b.id, department: ctx.departmentName(b.departmentId), departmentId: b.departmentId, requester: ctx.personName(b.requesterId), requesterId: b.requesterId, sites: b.sites, reason: b.reason, status: b.status, decider: ctx.personName(b.deciderId), deciderId: b.deciderId, decidedAt: iso(b.decidedAt), response: b.response, createdAt: iso(b.createdAt) },
        facets: { at: b.createdAt, until: b.decidedAt ?? b.createdAt, presenceIds: [], departmentIds: [b.departmentId], personIds: [b.requesterId, b.deciderId] },
        line: `${ctx.departmentName(b.departmentId)}: ${clip(b.sites, 50)}, ${b.status}`,
      }),
      size,
    ),
};

/** Every decision in one place: review decisions, the Mayor's Office on policies, IT on site blocks. */
export const decisions: RecordKind = {
  name: 'decisions',
  label: 'Decisions',
  columns: ['recordKind', 'recordId', 'stage', 'decision', 'decider', 'deciderId', 'decidedAt', 'reason'],
  async *pages(db, ctx, size) {
    for await (const page of reviewRounds(db, size)) {
      yield page.map((r) => {
        const links = ctx.request(r.requestId);
        return {
          values: { recordKind: 'presence request review', recordId: r.requestId, stage: `round ${r.round}, ${r.stage}`, decision: r.status, decider: ctx.personName(r.deciderId), deciderId: r.deciderId, decidedAt: iso(r.decidedAt), reason: r.reason },
          facets: { at: r.decidedAt!, presenceIds: [links?.presenceId], departmentIds: [links?.departmentId], personIds: [r.deciderId, links?.requesterId] },
          line: `${r.stage} review, round ${r.round}: ${r.status} by ${ctx.personName(r.deciderId)}`,
        };
      });
    }
    for await (const page of keyset((after: Created, take) => db.departmentPolicy.findMany({ where: { decidedAt: { not: null }, ...afterCreated(after) }, orderBy: CREATED_ORDER, take }), (p) => p, size)) {
      yield page.map((p) => ({
        values: { recordKind: 'department policy', recordId: p.id, stage: `version ${p.number}`, decision: p.status, decider: ctx.personName(p.deciderId), deciderId: p.deciderId, decidedAt: iso(p.decidedAt), reason: p.comments },
        facets: { at: p.decidedAt!, presenceIds: [], departmentIds: [p.departmentId], personIds: [p.deciderId, p.filerId] },
        line: `${ctx.departmentName(p.departmentId)} policy version ${p.number}: ${p.status} by ${ctx.personName(p.deciderId)}`,
      }));
    }
    for await (const page of keyset((after: Created, take) => db.accessBlockRequest.findMany({ where: { decidedAt: { not: null }, ...afterCreated(after) }, orderBy: CREATED_ORDER, take }), (b) => b, size)) {
      yield page.map((b) => ({
        values: { recordKind: 'site block', recordId: b.id, stage: 'IT', decision: b.status, decider: ctx.personName(b.deciderId), deciderId: b.deciderId, decidedAt: iso(b.decidedAt), reason: b.response },
        facets: { at: b.decidedAt!, presenceIds: [], departmentIds: [b.departmentId], personIds: [b.deciderId, b.requesterId] },
        line: `${ctx.departmentName(b.departmentId)} site block: ${b.status} by ${ctx.personName(b.deciderId)}`,
      }));
    }
  },
};

type DbOf<K extends RecordKind> = Parameters<K['pages']>[0];
/** Decided reviews only, in keyset pages (raw rows: `keyset` maps rows, here the identity). */
function reviewRounds(db: DbOf<typeof decisions>, size: number) {
  return keyset((after: Created, take) => db.review.findMany({ where: { decidedAt: { not: null }, ...afterCreated(after) }, orderBy: CREATED_ORDER, take }), (r) => r, size);
}

/** REQ-7 (IT 2): the IT Director's decision per platform under sec. 3.70(3)(b)9 MGO, with its reasoning. */
export const platformDecisions: RecordKind = {
  name: 'platform-decisions',
  label: "The IT Director's platform decisions",
  columns: ['id', 'platform', 'label', 'status', 'reasoning', 'requestId', 'decider', 'deciderId', 'decidedAt', 'cardHash', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.platformDecision.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (d) => ({
        values: { id: d.id, platform: d.platform, label: d.label, status: d.status, reasoning: d.reasoning, requestId: d.requestId, decider: ctx.personName(d.deciderId), deciderId: d.deciderId, decidedAt: iso(d.decidedAt), cardHash: d.cardHash, createdAt: iso(d.createdAt) },
        facets: { at: d.createdAt, until: d.decidedAt ?? d.createdAt, presenceIds: [], departmentIds: [], personIds: [d.deciderId] },
        line: `${d.label}: ${d.status.replace('_', ' ')}${d.reasoning ? `, ${clip(d.reasoning, 50)}` : ''}`,
      }),
      size,
    ),
};

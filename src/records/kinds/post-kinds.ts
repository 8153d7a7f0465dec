import type { RecordKind } from '../record-kind';
import { afterCreated, clip, CREATED_ORDER, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A stored draft's text (compose values JSON), for a words search; a malformed one has none. */
function textOf(json: string): string | undefined {
  try {
    const text = (JSON.parse(json) as { text?: unknown }).text;
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Issue 11: every post drafted for a presence, as it stands (drafts, in review, approved, published). */
export const posts: RecordKind = {
  name: 'posts',
  label: 'Posts',
  jsonColumns: ['draft'],
  columns: ['id', 'presenceId', 'presence', 'department', 'departmentId', 'status', 'round', 'version', 'drafter', 'drafterId', 'draft', 'publishAt', 'publishedUrl', 'publishedAt', 'createdAt', 'updatedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.post.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (p) => {
        const departmentId = ctx.presenceDepartment(p.presenceId);
        return {
          values: { id: p.id, presenceId: p.presenceId, presence: ctx.presenceLabel(p.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, status: p.status, round: p.round, version: p.version, drafter: ctx.personName(p.drafterId), drafterId: p.drafterId, draft: p.draft, publishAt: iso(p.publishAt), publishedUrl: p.publishedUrl, publishedAt: iso(p.publishedAt), createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) },
          facets: { at: p.createdAt, until: p.updatedAt, presenceIds: [p.presenceId], departmentIds: [departmentId], personIds: [p.drafterId], texts: [textOf(p.draft), p.publishedUrl] },
          // Like every kind's line, what and who only: a draft's words stay in the export (authorization matrix).
          line: `${ctx.presenceLabel(p.presenceId)}: post by ${ctx.personName(p.drafterId)}, ${p.status}${p.publishedUrl ? ` at ${clip(p.publishedUrl, 60)}` : ''}`,
        };
      },
      size,
    ),
};

/** POST-6: each submission of a post, what the approver was shown (snapshot, findings, card hash) and decided. */
export const postRounds: RecordKind = {
  name: 'post-rounds',
  label: 'Approval rounds of posts',
  jsonColumns: ['snapshot', 'findings'],
  columns: ['id', 'postId', 'round', 'status', 'approver', 'approverId', 'decider', 'deciderId', 'decidedAt', 'reason', 'snapshot', 'findings', 'cardHash', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.postRound.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take, include: { post: { select: { presenceId: true, drafterId: true } } } }),
      (r) => {
        const departmentId = ctx.presenceDepartment(r.post.presenceId);
        return {
          values: { id: r.id, postId: r.postId, round: r.round, status: r.status, approver: ctx.personName(r.approverId), approverId: r.approverId, decider: ctx.personName(r.deciderId), deciderId: r.deciderId, decidedAt: iso(r.decidedAt), reason: r.reason, snapshot: r.snapshot, findings: r.findings, cardHash: r.cardHash, createdAt: iso(r.createdAt) },
          facets: { at: r.createdAt, until: r.decidedAt ?? r.createdAt, presenceIds: [r.post.presenceId], departmentIds: [departmentId], personIds: [r.post.drafterId, r.approverId, r.deciderId], texts: [textOf(r.snapshot), r.reason] },
          line: `Post round ${r.round} for ${ctx.presenceLabel(r.post.presenceId)}: ${r.status}${r.deciderId ? ` by ${ctx.personName(r.deciderId)}` : ''}${r.reason ? `: ${clip(r.reason, 60)}` : ''}`,
        };
      },
      size,
    ),
};

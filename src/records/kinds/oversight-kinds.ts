import type { RecordKind } from '../record-kind';
import { afterCreated, clip, CREATED_ORDER, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
type At = { at: Date; id: string } | undefined;

/** REC-4: each edit or removal of a post IT recorded, the policy it violated, and the post as it stood (kept). */
export const postCorrections: RecordKind = {
  name: 'post-corrections',
  label: 'Posts edited or removed by IT',
  jsonColumns: ['original'],
  columns: ['id', 'postId', 'presenceId', 'presence', 'department', 'departmentId', 'kind', 'policy', 'reason', 'original', 'editedText', 'by', 'byId', 'at'],
  pages: (db, ctx, size) =>
    keyset(
      (after: At, take) => db.postCorrection.findMany({ where: after ? { OR: [{ at: { gt: after.at } }, { at: after.at, id: { gt: after.id } }] } : {}, orderBy: [{ at: 'asc' }, { id: 'asc' }], take }),
      (c) => {
        const departmentId = ctx.presenceDepartment(c.presenceId);
        return {
          values: { id: c.id, postId: c.postId, presenceId: c.presenceId, presence: ctx.presenceLabel(c.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, kind: c.kind, policy: c.policy, reason: c.reason, original: c.original, editedText: c.editedText, by: ctx.personName(c.byId), byId: c.byId, at: iso(c.at) },
          facets: { at: c.at, presenceIds: [c.presenceId], departmentIds: [departmentId], personIds: [c.byId] },
          line: `${ctx.presenceLabel(c.presenceId)}: a post ${c.kind === 'edit' ? 'edited' : 'removed'} by ${ctx.personName(c.byId)} (${c.policy}): ${clip(c.reason, 60)}`,
        };
      },
      size,
    ),
};

/** REC-3: each referral to the Police Department: when found, when reported, the case number. */
export const policeReferrals: RecordKind = {
  name: 'police-referrals',
  label: 'Referrals to the Police Department',
  columns: ['id', 'presenceId', 'presence', 'department', 'departmentId', 'postId', 'caseNumber', 'foundAt', 'reportedAt', 'note', 'by', 'byId', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.policeReferral.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (r) => {
        const departmentId = ctx.presenceDepartment(r.presenceId);
        return {
          values: { id: r.id, presenceId: r.presenceId, presence: ctx.presenceLabel(r.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, postId: r.postId, caseNumber: r.caseNumber, foundAt: iso(r.foundAt), reportedAt: iso(r.reportedAt), note: r.note, by: ctx.personName(r.byId), byId: r.byId, createdAt: iso(r.createdAt) },
          facets: { at: r.createdAt, presenceIds: [r.presenceId], departmentIds: [departmentId], personIds: [r.byId] },
          line: `${ctx.presenceLabel(r.presenceId)}: referred to the Police Department, case ${r.caseNumber}`,
        };
      },
      size,
    ),
};

/** REC-3: the records each referral keeps for the investigation (no one can change them while held). */
export const recordHolds: RecordKind = {
  name: 'record-holds',
  label: 'Records held for police investigations',
  columns: ['id', 'referralId', 'caseNumber', 'entityType', 'entityId', 'presenceId', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      async (after: Created, take) => {
        const holds = await db.recordHold.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take });
        // A held post is about its referral's presence: a search by presence finds every record its cases keep.
        const referrals = await db.policeReferral.findMany({ where: { id: { in: [...new Set(holds.map((h) => h.referralId))] } }, select: { id: true, presenceId: true } });
        const presenceOf = new Map(referrals.map((r) => [r.id, r.presenceId]));
        return holds.map((h) => ({ ...h, presenceId: presenceOf.get(h.referralId) }));
      },
      (h) => {
        const presenceId = h.entityType === 'presence' ? h.entityId : h.presenceId;
        return {
          values: { id: h.id, referralId: h.referralId, caseNumber: h.caseNumber, entityType: h.entityType, entityId: h.entityId, presenceId: presenceId ?? null, createdAt: iso(h.createdAt) },
          facets: { at: h.createdAt, presenceIds: [presenceId], departmentIds: [presenceId ? ctx.presenceDepartment(presenceId) : undefined], personIds: [] },
          line: `Case ${h.caseNumber}: ${h.entityType === 'presence' ? ctx.presenceLabel(h.entityId) : `post ${h.entityId}`} held`,
        };
      },
      size,
    ),
};

import type { AuditEvent } from '@prisma/client';
import type { RecordsContext } from '../context';
import type { Facets } from '../query';
import type { KindRow, RecordKind } from '../record-kind';
import { atWithin, clip, keyset, type Seq } from '../record-kind';

function dataField(data: string, field: string): string | undefined {
  try {
    const v = (JSON.parse(data) as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** What an audit event is about, from the entity it names: its presence, its department and the people involved. */
export function auditFacets(e: Pick<AuditEvent, 'at' | 'actorId' | 'entityType' | 'entityId' | 'data'>, ctx: RecordsContext): Facets {
  // The event's data is searchable by words (a fix's label, a reason, a published address).
  const base = { at: e.at, presenceIds: [] as Array<string | undefined>, departmentIds: [] as Array<string | undefined>, personIds: [e.actorId] as Array<string | null | undefined>, texts: [e.data] };
  switch (e.entityType) {
    case 'presence_request': {
      const links = ctx.request(e.entityId);
      return { ...base, presenceIds: [links?.presenceId], departmentIds: [links?.departmentId], personIds: [e.actorId, links?.requesterId] };
    }
    case 'presence': {
      const requestId = ctx.presenceRequest(e.entityId);
      return { ...base, presenceIds: [e.entityId], departmentIds: [ctx.presenceDepartment(e.entityId)], personIds: [e.actorId, requestId ? ctx.request(requestId)?.requesterId : undefined] };
    }
    case 'department_policy':
      return { ...base, departmentIds: [ctx.policyDepartment(e.entityId) ?? dataField(e.data, 'departmentId')] };
    case 'access_block':
      return { ...base, departmentIds: [ctx.blockDepartment(e.entityId)] };
    case 'post': {
      // Issue 11: a post's events are about its presence, that presence's department and its drafter.
      const post = ctx.post(e.entityId);
      return { ...base, presenceIds: [post?.presenceId], departmentIds: [post ? ctx.presenceDepartment(post.presenceId) : undefined], personIds: [e.actorId, post?.drafterId] };
    }
    case 'channel_binding':
      return { ...base, departmentIds: [dataField(e.data, 'departmentId')] };
    case 'person':
      return { ...base, departmentIds: [dataField(e.data, 'departmentId')], personIds: [e.actorId, e.entityId] };
    default:
      return base;
  }
}

const auditRow = (e: AuditEvent, ctx: RecordsContext): KindRow => ({
  values: { seq: e.seq, id: e.id, at: e.at.toISOString(), actor: e.actorName, actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data, prevHash: e.prevHash, hash: e.hash },
  facets: auditFacets(e, ctx),
  line: `#${e.seq} ${ctx.when(e.at)}, ${clip(e.actorName, 40)}: ${e.action} (${e.entityType} ${e.entityId.slice(0, 12)})`,
});

// `data` stays the exact stored text in both files: it is what the hash covers, so anyone can recompute the chain.
const AUDIT_COLUMNS = ['seq', 'id', 'at', 'actor', 'actorId', 'action', 'entityType', 'entityId', 'data', 'prevHash', 'hash'] as const;

/** REC-1: the whole hash-chained trail, in order: who did what, when. */
export const auditEvents: RecordKind = {
  name: 'audit-events',
  label: 'Audit events (who did what, in order)',
  columns: AUDIT_COLUMNS,
  pages: (db, ctx, size, q) => keyset((after: Seq, take) => db.auditEvent.findMany({ where: { seq: { gt: after?.seq ?? 0 }, ...atWithin(q) }, orderBy: { seq: 'asc' }, take }), (e) => auditRow(e, ctx), size),
};

/** REG-1: what happened to each presence in the registry (set up, edited, login revealed, suspended, retired). */
export const registryHistory: RecordKind = {
  name: 'registry-history',
  label: 'Registry history of presences',
  columns: AUDIT_COLUMNS,
  pages: (db, ctx, size, q) =>
    keyset((after: Seq, take) => db.auditEvent.findMany({ where: { seq: { gt: after?.seq ?? 0 }, entityType: 'presence', ...atWithin(q) }, orderBy: { seq: 'asc' }, take }), (e) => auditRow(e, ctx), size),
};

import type { RecordKind } from '../record-kind';
import { ROLE_LABELS } from '../../domain/roles';

const roleLabel = (role: string) => (Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as keyof typeof ROLE_LABELS] : role);
import { afterCreated, clip, keyset, type Created, type Seq } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** People the bot has met: name and Entra id only (the bot holds no other contact details for them). */
export const people: RecordKind = {
  name: 'people',
  label: 'People',
  columns: ['id', 'name', 'aadObjectId', 'createdAt', 'updatedAt'],
  pages: (db, _ctx, size) =>
    keyset(
      (after: Created, take) => db.person.findMany({ where: afterCreated(after), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take, select: { id: true, name: true, aadObjectId: true, createdAt: true, updatedAt: true } }),
      (p) => ({
        values: { id: p.id, name: p.name, aadObjectId: p.aadObjectId, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) },
        facets: { at: p.createdAt, until: p.updatedAt, presenceIds: [], departmentIds: [], personIds: [p.id] },
        line: p.name,
      }),
      size,
    ),
};

/** Roles granted, including revoked grants (kept with revokedAt, REC-1). */
export const roleGrants: RecordKind = {
  name: 'roles',
  label: 'Roles granted and revoked',
  columns: ['id', 'person', 'personId', 'role', 'department', 'departmentId', 'grantedBy', 'grantedById', 'grantedAt', 'revokedBy', 'revokedById', 'revokedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: { grantedAt: Date; id: string } | undefined, take) => db.roleGrant.findMany({ where: after ? { OR: [{ grantedAt: { gt: after.grantedAt } }, { grantedAt: after.grantedAt, id: { gt: after.id } }] } : {}, orderBy: [{ grantedAt: 'asc' }, { id: 'asc' }], take }),
      (g) => ({
        values: { id: g.id, person: ctx.personName(g.personId), personId: g.personId, role: g.role, department: ctx.departmentName(g.departmentId), departmentId: g.departmentId, grantedBy: ctx.personName(g.grantedById), grantedById: g.grantedById, grantedAt: iso(g.grantedAt), revokedBy: ctx.personName(g.revokedById), revokedById: g.revokedById, revokedAt: iso(g.revokedAt) },
        facets: { at: g.grantedAt, until: g.revokedAt ?? g.grantedAt, presenceIds: [], departmentIds: [g.departmentId], personIds: [g.personId, g.grantedById, g.revokedById] },
        line: `${ctx.personName(g.personId)}: ${roleLabel(g.role)}${g.departmentId ? ` (${ctx.departmentName(g.departmentId)})` : ''}${g.revokedAt ? ', revoked' : ''}`,
      }),
      size,
    ),
};

/** Which channel receives each purpose's cards now; earlier bindings are in the audit events (channel.bound). */
export const channelBindings: RecordKind = {
  name: 'channel-bindings',
  label: 'Channel bindings',
  columns: ['purpose', 'departmentId', 'teamId', 'channelId', 'channelName', 'boundBy', 'boundById', 'boundAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: { purpose: string } | undefined, take) => db.channelBinding.findMany({ where: after ? { purpose: { gt: after.purpose } } : {}, orderBy: { purpose: 'asc' }, take }),
      (b) => ({
        values: { purpose: b.purpose, departmentId: b.departmentId, teamId: b.teamId, channelId: b.channelId, channelName: b.channelName, boundBy: ctx.personName(b.boundById), boundById: b.boundById, boundAt: iso(b.boundAt) },
        facets: { at: b.boundAt, presenceIds: [], departmentIds: b.departmentId ? [b.departmentId] : [], personIds: [b.boundById] },
        line: `${b.purpose}: ${clip(b.channelName ?? b.channelId, 50)}`,
      }),
      size,
    ),
};

function summaryOf(activity: string): string | null {
  try {
    const v = (JSON.parse(activity) as { summary?: unknown; text?: unknown }).summary;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Notices the bot sent (or failed to send): to whom, what, when. A personal notice matches its recipient. */
export const notices: RecordKind = {
  name: 'notices',
  label: 'Notices sent',
  jsonColumns: ['activity'],
  columns: ['seq', 'id', 'kind', 'recipient', 'recipientId', 'conversation', 'summary', 'activity', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Seq, take) => db.outboxMessage.findMany({ where: { seq: { gt: after?.seq ?? 0 } }, orderBy: { seq: 'asc' }, take, omit: { reference: true } }),
      (m) => {
        const personId = ctx.conversationPerson(m.conversationKey);
        const summary = summaryOf(m.activity);
        return {
          values: { seq: m.seq, id: m.id, kind: m.kind, recipient: ctx.personName(personId), recipientId: personId ?? null, conversation: m.conversationKey, summary, activity: m.activity, status: m.status, attempts: m.attempts, lastError: m.lastError, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) },
          facets: { at: m.createdAt, until: m.sentAt ?? m.createdAt, presenceIds: [], departmentIds: [], personIds: [personId] },
          line: `${personId ? `To ${ctx.personName(personId)}` : `${m.kind} to a channel`}: ${clip(summary ?? m.kind, 60)} (${m.status})`,
        };
      },
      size,
    ),
};

/** Every records export link: who asked for which search, when it expires and whether it was downloaded. */
export const recordsExports: RecordKind = {
  name: 'records-exports',
  label: 'Records exports requested',
  jsonColumns: ['query'],
  columns: ['id', 'person', 'personId', 'query', 'createdAt', 'expiresAt', 'downloadedAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.recordsExportLink.findMany({ where: afterCreated(after), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take, omit: { tokenHash: true } }),
      (l) => ({
        values: { id: l.id, person: ctx.personName(l.personId), personId: l.personId, query: l.query, createdAt: iso(l.createdAt), expiresAt: iso(l.expiresAt), downloadedAt: iso(l.usedAt) },
        facets: { at: l.createdAt, until: l.usedAt ?? l.createdAt, presenceIds: [], departmentIds: [], personIds: [l.personId] },
        line: `${ctx.personName(l.personId)}${l.usedAt ? ', downloaded' : ''}`,
      }),
      size,
    ),
};

import type { RecordKind } from '../record-kind';
import { afterCreated, clip, CREATED_ORDER, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
type At = { at: Date; id: string } | undefined;
type Sent = { sentAt: Date; id: string } | undefined;

/** FRESH-1: an owner (or the IT Director, giving more time) saying a presence is still active. */
export const presenceConfirmations: RecordKind = {
  name: 'presence-confirmations',
  label: 'Presences confirmed still active',
  columns: ['id', 'presenceId', 'presence', 'department', 'departmentId', 'person', 'personId', 'at'],
  pages: (db, ctx, size) =>
    keyset(
      (after: At, take) => db.presenceConfirmation.findMany({ where: after ? { OR: [{ at: { gt: after.at } }, { at: after.at, id: { gt: after.id } }] } : {}, orderBy: [{ at: 'asc' }, { id: 'asc' }], take }),
      (c) => {
        const departmentId = ctx.presenceDepartment(c.presenceId);
        return {
          values: { id: c.id, presenceId: c.presenceId, presence: ctx.presenceLabel(c.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, person: ctx.personName(c.personId), personId: c.personId, at: iso(c.at) },
          facets: { at: c.at, presenceIds: [c.presenceId], departmentIds: [departmentId], personIds: [c.personId] },
          line: `${ctx.presenceLabel(c.presenceId)}: still active, said ${ctx.personName(c.personId)}`,
        };
      },
      size,
    ),
};

/** FRESH-1: each week's sweep, who ran it and how far it got. */
export const freshnessSweeps: RecordKind = {
  name: 'freshness-sweeps',
  label: 'Weekly freshness sweeps',
  columns: ['weekKey', 'holder', 'startedAt', 'finishedAt', 'digests', 'escalations'],
  pages: (db, _ctx, size) =>
    keyset(
      (after: { weekKey: string } | undefined, take) => db.freshnessSweep.findMany({ where: after ? { weekKey: { gt: after.weekKey } } : {}, orderBy: { weekKey: 'asc' }, take }),
      (s) => ({
        values: { weekKey: s.weekKey, holder: s.holder, startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt), digests: s.digests, escalations: s.escalations },
        facets: { at: s.startedAt, until: s.finishedAt ?? s.startedAt, presenceIds: [], departmentIds: [], personIds: [] },
        line: `Week ${s.weekKey}: ${s.digests} digests, ${s.escalations} escalations${s.finishedAt ? '' : ' (not finished)'}`,
      }),
      size,
    ),
};

/** FRESH-1: the one weekly digest each owner was sent, and whether Teams could reach them. */
export const freshnessDigests: RecordKind = {
  name: 'freshness-digests',
  label: 'Weekly digests to owners',
  columns: ['id', 'weekKey', 'owner', 'ownerId', 'delivery', 'outboxId', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.freshnessDigest.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (d) => ({
        values: { id: d.id, weekKey: d.weekKey, owner: ctx.personName(d.ownerId), ownerId: d.ownerId, delivery: d.delivery, outboxId: d.outboxId, createdAt: iso(d.createdAt) },
        facets: { at: d.createdAt, presenceIds: [], departmentIds: [], personIds: [d.ownerId] },
        line: `Week ${d.weekKey}: digest to ${ctx.personName(d.ownerId)} (${d.delivery})`,
      }),
      size,
    ),
};

/** FRESH-1: each presence named in a digest, with how long it had been idle. */
export const freshnessNudges: RecordKind = {
  name: 'freshness-nudges',
  label: 'Freshness reminders per presence',
  columns: ['id', 'digestId', 'presenceId', 'presence', 'department', 'departmentId', 'weekKey', 'sentAt', 'daysIdle'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Sent, take) => db.freshnessNudge.findMany({ where: after ? { OR: [{ sentAt: { gt: after.sentAt } }, { sentAt: after.sentAt, id: { gt: after.id } }] } : {}, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }], take }),
      (n) => {
        const departmentId = ctx.presenceDepartment(n.presenceId);
        return {
          values: { id: n.id, digestId: n.digestId, presenceId: n.presenceId, presence: ctx.presenceLabel(n.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, weekKey: n.weekKey, sentAt: iso(n.sentAt), daysIdle: n.daysIdle },
          facets: { at: n.sentAt, presenceIds: [n.presenceId], departmentIds: [departmentId], personIds: [] },
          line: `${ctx.presenceLabel(n.presenceId)}: reminded, ${n.daysIdle} days idle (week ${n.weekKey})`,
        };
      },
      size,
    ),
};

/** FRESH-2, FRESH-3: presences put to the IT Director, the action taken, its ground, and the presence as it stood. */
export const freshnessEscalations: RecordKind = {
  name: 'freshness-escalations',
  label: 'Escalations to the IT Director',
  jsonColumns: ['snapshot'],
  columns: ['id', 'presenceId', 'presence', 'department', 'departmentId', 'weekKey', 'reason', 'daysIdle', 'lastActivityAt', 'status', 'action', 'ground', 'note', 'newOwner', 'newOwnerId', 'decidedBy', 'decidedById', 'decidedAt', 'snapshot', 'createdAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.freshnessEscalation.findMany({ where: afterCreated(after), orderBy: CREATED_ORDER, take }),
      (e) => {
        const departmentId = ctx.presenceDepartment(e.presenceId);
        return {
          values: { id: e.id, presenceId: e.presenceId, presence: ctx.presenceLabel(e.presenceId), department: ctx.departmentName(departmentId), departmentId: departmentId ?? null, weekKey: e.weekKey, reason: e.reason, daysIdle: e.daysIdle, lastActivityAt: iso(e.lastActivityAt), status: e.status, action: e.action, ground: e.ground, note: e.note, newOwner: e.newOwnerId ? ctx.personName(e.newOwnerId) : null, newOwnerId: e.newOwnerId, decidedBy: e.decidedById ? ctx.personName(e.decidedById) : null, decidedById: e.decidedById, decidedAt: iso(e.decidedAt), snapshot: e.snapshot, createdAt: iso(e.createdAt) },
          facets: { at: e.createdAt, until: e.decidedAt ?? e.createdAt, presenceIds: [e.presenceId], departmentIds: [departmentId], personIds: [e.decidedById, e.newOwnerId] },
          line: `${ctx.presenceLabel(e.presenceId)}: escalated (${e.reason}), ${e.status}${e.action ? `: ${e.action}${e.note ? `, ${clip(e.note, 60)}` : ''}` : ''}`,
        };
      },
      size,
    ),
};

import type { AuditEvent } from '@prisma/client';
import type { Actor } from '../domain/roles';
import { isAdmin } from '../domain/roles';
import { DRAFT_SAVE_SUFFIX, describeAuditEvent } from '../domain/audit-words';
import { ownLabel } from '../domain/own-keys';
import { PLATFORM_LABELS } from '../domain/presence-answers';
import { AppError } from '../errors/app-error';
import { verifyAuditTrail } from '../records/audit';
import type { Db } from '../store/prisma';
import type { Services } from './context';

/** How many events the card shows: it stays short, and the records export holds the rest (REC-2). */
export const AUDIT_CARD_EVENTS = 15;

export interface AuditLine {
  seq: number;
  at: Date;
  sentence: string;
}

export interface AuditView {
  events: AuditLine[];
  chain: { ok: true; count: number } | { ok: false; count: number; brokenAtSeq: number; reason: string };
  showDrafts: boolean;
  timeZone: string;
}

const DRAFT_SAVES = { endsWith: DRAFT_SAVE_SUFFIX };

/** `audit` (admins): the latest events in words and whether the hash chain still verifies (REC-1). */
export async function auditView({ db, config }: Pick<Services, 'db' | 'config'>, actor: Actor, opts: { showDrafts?: boolean } = {}): Promise<AuditView> {
  if (!isAdmin(actor)) throw new AppError('NOT_AUTHORIZED', 'Only admins can read the audit trail here.');
  const showDrafts = opts.showDrafts === true;
  const [events, chain] = await Promise.all([
    db.auditEvent.findMany({ where: showDrafts ? {} : { NOT: { action: DRAFT_SAVES } }, orderBy: { seq: 'desc' }, take: AUDIT_CARD_EVENTS }),
    verifyAuditTrail(db),
  ]);
  const names = await namesFor(db, events);
  return {
    events: events.map((e) => ({ seq: e.seq, at: e.at, sentence: describeAuditEvent({ action: e.action, actorName: e.actorName, data: dataOf(e.data) }, { ...names, subject: names.subject(e) }) })),
    chain: chain.ok ? { ok: true, count: chain.count } : { ok: false, count: chain.count, brokenAtSeq: chain.brokenAt.seq, reason: chain.reason },
    showDrafts,
    timeZone: config.timeZone,
  };
}

function dataOf(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const handleOf = (answers: string) => {
  const d = dataOf(answers);
  return typeof d.handle === 'string' && d.handle ? `${d.handle}${typeof d.platform === 'string' ? ` (${ownLabel(PLATFORM_LABELS, d.platform)})` : ''}` : '(no account name yet)';
};

/** Names for one page of events, read once per kind of record (never per event). */
async function namesFor(db: Db, events: AuditEvent[]) {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const personIds = new Set(ids('person'));
  const departmentIds = new Set<string>();
  for (const e of events) {
    const d = dataOf(e.data);
    for (const k of ['to', 'approverId', 'newOwnerId']) if (typeof d[k] === 'string') personIds.add(d[k] as string);
    if (typeof d.departmentId === 'string') departmentIds.add(d.departmentId);
  }
  const [requests, presences, policies, blocks, posts] = await Promise.all([
    db.presenceRequest.findMany({ where: { id: { in: ids('presence_request') } }, select: { id: true, answers: true } }),
    db.presence.findMany({ where: { id: { in: ids('presence') } }, select: { id: true, handle: true, platform: true } }),
    db.departmentPolicy.findMany({ where: { id: { in: ids('department_policy') } }, select: { id: true, departmentId: true } }),
    db.accessBlockRequest.findMany({ where: { id: { in: ids('access_block') } }, select: { id: true, departmentId: true } }),
    db.post.findMany({ where: { id: { in: ids('post') } }, select: { id: true, presenceId: true } }),
  ]);
  for (const r of [...policies, ...blocks]) departmentIds.add(r.departmentId);
  const postPresences = await db.presence.findMany({ where: { id: { in: posts.map((p) => p.presenceId) } }, select: { id: true, handle: true } });
  const [people, departments] = await Promise.all([
    db.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } }),
    db.department.findMany({ where: { id: { in: [...departmentIds] } }, select: { id: true, name: true } }),
  ]);
  const person = new Map(people.map((p) => [p.id, p.name]));
  const department = new Map(departments.map((d) => [d.id, d.name]));
  const get = (m: Map<string, string>) => (id: unknown) => (typeof id === 'string' ? m.get(id) : undefined);
  const subjects = new Map<string, string>([
    ...requests.map((r) => [r.id, handleOf(r.answers)] as const),
    ...presences.map((p) => [p.id, `${p.handle} (${ownLabel(PLATFORM_LABELS, p.platform)})`] as const),
    ...policies.map((p) => [p.id, `${department.get(p.departmentId) ?? 'a department'}'s social media policy`] as const),
    ...blocks.map((b) => [b.id, department.get(b.departmentId) ?? 'a department'] as const),
    ...posts.map((p) => [p.id, `a post for ${postPresences.find((x) => x.id === p.presenceId)?.handle ?? 'a presence'}`] as const),
  ]);
  return {
    person: get(person),
    department: get(department),
    subject: (e: AuditEvent) => (e.entityType === 'person' ? person.get(e.entityId) : subjects.get(e.entityId)) ?? 'a record no longer found',
  };
}

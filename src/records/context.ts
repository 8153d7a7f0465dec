import type { Db } from '../store/prisma';
import { formatWhen } from '../../cards/common/elements';

interface RequestLinks {
  requesterId: string;
  departmentId?: string;
  presenceId?: string;
}

/**
 * Lookups shared by every record kind of one search: names, and which department and presence each request,
 * policy and site block belongs to, so an audit event about any of them can be matched. One row per entity (not per
 * event), so the context stays small however long the audit trail is.
 */
export interface RecordsContext {
  personName(id: string | null | undefined): string;
  departmentName(id: string | null | undefined): string;
  presenceLabel(id: string): string;
  request(id: string): RequestLinks | undefined;
  presenceDepartment(id: string): string | undefined;
  presenceRequest(id: string): string | undefined;
  policyDepartment(id: string): string | undefined;
  blockDepartment(id: string): string | undefined;
  /** A post's presence and drafter (issue 11), so its audit events match by presence, department and person. */
  post(id: string): { presenceId: string; drafterId: string } | undefined;
  /** The person behind a personal conversation (for notices). */
  conversationPerson(conversationKey: string): string | undefined;
  /** A time for people to read: in the City's time zone with the weekday, or UTC when none is given. */
  when(at: Date): string;
}

/** A request's department is in its answers (JSON); a malformed one simply has none. */
function departmentOf(answers: string): string | undefined {
  try {
    const v = (JSON.parse(answers) as { departmentId?: unknown }).departmentId;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function loadRecordsContext(db: Db, timeZone?: string): Promise<RecordsContext> {
  const [people, departments, requests, presences, policies, blocks, conversations, posts] = await Promise.all([
    db.person.findMany({ select: { id: true, name: true } }),
    db.department.findMany({ select: { id: true, name: true } }),
    db.presenceRequest.findMany({ select: { id: true, requesterId: true, answers: true } }),
    db.presence.findMany({ select: { id: true, requestId: true, departmentId: true, platform: true, handle: true } }),
    db.departmentPolicy.findMany({ select: { id: true, departmentId: true } }),
    db.accessBlockRequest.findMany({ select: { id: true, departmentId: true } }),
    db.conversationRef.findMany({ where: { kind: 'personal' }, select: { conversationId: true, personId: true } }),
    db.post.findMany({ select: { id: true, presenceId: true, drafterId: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const depts = new Map(departments.map((d) => [d.id, d.name]));
  const presenceByRequest = new Map(presences.map((p) => [p.requestId, p.id]));
  const requestLinks = new Map<string, RequestLinks>(
    requests.map((r) => [r.id, { requesterId: r.requesterId, departmentId: departmentOf(r.answers), presenceId: presenceByRequest.get(r.id) }]),
  );
  const presenceById = new Map(presences.map((p) => [p.id, p]));
  const policyDept = new Map(policies.map((p) => [p.id, p.departmentId]));
  const blockDept = new Map(blocks.map((b) => [b.id, b.departmentId]));
  const postLinks = new Map(posts.map((p) => [p.id, { presenceId: p.presenceId, drafterId: p.drafterId }]));
  const convPerson = new Map(conversations.filter((c) => c.personId).map((c) => [c.conversationId, c.personId!]));
  return {
    personName: (id) => (id ? (names.get(id) ?? id) : ''),
    departmentName: (id) => (id ? (depts.get(id) ?? id) : ''),
    presenceLabel: (id) => {
      const p = presenceById.get(id);
      return p ? `${p.handle} (${p.platform})` : id;
    },
    request: (id) => requestLinks.get(id),
    presenceDepartment: (id) => presenceById.get(id)?.departmentId,
    presenceRequest: (id) => presenceById.get(id)?.requestId,
    policyDepartment: (id) => policyDept.get(id),
    blockDepartment: (id) => blockDept.get(id),
    post: (id) => postLinks.get(id),
    conversationPerson: (key) => convPerson.get(key),
    when: (at) => (timeZone ? formatWhen(at, timeZone) : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`),
  };
}

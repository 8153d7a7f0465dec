import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { ownLabel } from '../../domain/own-keys';
import { STAGE_LABELS, STAGE_ROLE, type ChannelStage } from '../../domain/presence-request';
import { mayDecidePost } from '../../domain/posts/post-rules';
import { formatWhen } from '../../domain/when';
import type { Services } from '../context';
import { AppError } from '../../errors/app-error';
import type { ActionRef } from '../done-view';
import { draftOf } from '../presence/request-views';
import { AUTHORITY_ROLES } from '../../domain/approving-authority';
import { presenceFacts } from '../posts/post-facts';

export interface WaitingItem {
  label: string;
  detail: string;
  open: ActionRef;
  at: Date;
}
export interface WaitingGroup {
  heading: string;
  items: WaitingItem[];
}
export interface WaitingView {
  groups: WaitingGroup[];
  total: number;
}

/** Each list is capped: the card stays small (CARDS.md, 24 KB), and `reviews` again shows the next ones. */
const TAKE = 10;
const STAGES: ChannelStage[] = ['it', 'attorney'];
const isIt = (a: Actor) => hasRole(a, 'it_reviewer') || hasRole(a, 'it_director');

/** Who has anything to decide: the help card offers `reviews` to them only. */
export const decidesAnything = (a: Actor) =>
  isIt(a) || hasRole(a, 'city_attorney') || hasRole(a, 'mayors_office') || hasRole(a, 'department_head') || hasRole(a, 'dept_approver') || a.roles.some((r) => r.role === 'it_director');

type Svc = Pick<Services, 'db' | 'config'>;

/**
 * Issue 10: everything that waits for THIS person's decision, by kind, oldest first: presence requests (IT, City
 * Attorney), filed policies (Mayor's Office, POL-2), site blocks (IT, REQ-5), posts (their approving authority,
 * POST-6) and freshness escalations (IT Director, FRESH-2). Each row opens the same card as its channel copy.
 */
export async function waitingForMe(svc: Svc, actor: Actor): Promise<WaitingView> {
  const { db, config } = svc;
  const when = (d: Date) => formatWhen(d, config.timeZone);
  const names = async (ids: string[]) => new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const groups: WaitingGroup[] = [];

  const stages = STAGES.filter((s) => hasRole(actor, STAGE_ROLE[s]));
  const authority = AUTHORITY_ROLES.some((r) => hasRole(actor, r));
  if (stages.length || authority) {
    // REQ-6: an approving authority sees the requests that name them (the snapshot names the approver, so filtered here).
    const named = authority ? (await db.review.findMany({ where: { status: 'pending', stage: 'authority' }, include: { request: true }, orderBy: { createdAt: 'asc' }, take: 200 })).filter((r) => draftOf(r.snapshot).approverId === actor.personId) : [];
    const channel = stages.length ? await db.review.findMany({ where: { status: 'pending', stage: { in: stages } }, include: { request: true }, orderBy: { createdAt: 'asc' }, take: TAKE }) : [];
    const reviews = [...named, ...channel].slice(0, TAKE);
    const who = await names(reviews.map((r) => r.request.requesterId));
    groups.push({
      heading: 'Presence requests',
      items: reviews.map((r) => ({ label: `${draftOf(r.snapshot).handle ?? 'A new presence'}: ${ownLabel(STAGE_LABELS, r.stage)}`, detail: `Asked by ${who.get(r.request.requesterId) ?? 'unknown'}, ${when(r.createdAt)}`, open: { title: 'Open', verb: 'review.open', reviewId: r.id }, at: r.createdAt })),
    });
  }
  if (hasRole(actor, 'mayors_office')) {
    const filed = await db.departmentPolicy.findMany({ where: { status: 'filed' }, orderBy: { filedAt: 'asc' }, take: TAKE });
    const depts = new Map((await db.department.findMany({ where: { id: { in: filed.map((p) => p.departmentId) } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    const who = await names(filed.map((p) => p.filerId));
    groups.push({
      heading: 'Department policies',
      items: filed.map((p) => ({ label: `${depts.get(p.departmentId) ?? 'A department'}, version ${p.number}`, detail: `Filed by ${who.get(p.filerId) ?? 'unknown'}, ${when(p.filedAt!)}`, open: { title: 'Open', verb: 'policy.review', policyId: p.id }, at: p.filedAt! })),
    });
  }
  if (isIt(actor)) {
    const blocks = await db.accessBlockRequest.findMany({ where: { status: 'pending', requesterId: { not: actor.personId } }, orderBy: { createdAt: 'asc' }, take: TAKE });
    const depts = new Map((await db.department.findMany({ where: { id: { in: blocks.map((b) => b.departmentId) } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    groups.push({
      heading: 'Site blocks',
      items: blocks.map((b) => ({ label: `Block for ${depts.get(b.departmentId) ?? 'a department'}`, detail: `Asked ${when(b.createdAt)}`, open: { title: 'Open', verb: 'block.open', blockId: b.id }, at: b.createdAt })),
    });
  }
  // Posts: the round names its approving authority; a department head also decides for their department.
  const heads = actor.roles.filter((r) => r.role === 'department_head').map((r) => r.departmentId ?? '');
  const headed = heads.length ? (await db.presence.findMany({ where: { departmentId: { in: heads } }, select: { id: true } })).map((p) => p.id) : [];
  const rounds = await db.postRound.findMany({
    where: { status: 'pending', OR: [{ approverId: actor.personId }, ...(headed.length ? [{ post: { presenceId: { in: headed } } }] : [])] },
    include: { post: true },
    orderBy: { createdAt: 'asc' },
    take: TAKE,
  });
  const presences = new Map((await db.presence.findMany({ where: { id: { in: rounds.map((r) => r.post.presenceId) } } })).map((p) => [p.id, p]));
  const mine = rounds.flatMap((r) => {
    const presence = presences.get(r.post.presenceId);
    return presence && mayDecidePost(presenceFacts(presence), r.post, actor) ? [{ ...r, handle: presence.handle }] : [];
  });
  if (mine.length || heads.length) {
    groups.push({
      heading: 'Posts to approve',
      items: mine.map((r) => ({ label: `Post for ${r.handle}`, detail: `Sent ${when(r.createdAt)}`, open: { title: 'Open', verb: 'post.review', roundId: r.id }, at: r.createdAt })),
    });
  }
  if (actor.roles.some((r) => r.role === 'it_director')) {
    const open = await db.freshnessEscalation.findMany({ where: { status: 'open' }, orderBy: { createdAt: 'asc' }, take: TAKE });
    const handles = new Map((await db.presence.findMany({ where: { id: { in: open.map((e) => e.presenceId) } }, select: { id: true, handle: true } })).map((p) => [p.id, p.handle]));
    groups.push({
      heading: 'Quiet presences (freshness)',
      items: open.map((e) => ({ label: `${handles.get(e.presenceId) ?? 'A presence'}: ${e.daysIdle} days without activity`, detail: `Put to you ${when(e.createdAt)}`, open: { title: 'Open', verb: 'escalation.open', escalationId: e.id }, at: e.createdAt })),
    });
  }
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  // A person named as a post's approving authority may hold no role: they see their list; nobody else has one.
  if (!total && !decidesAnything(actor)) throw new AppError('NOT_AUTHORIZED', "Reviews are for the people who decide: IT, the City Attorney's office, the Mayor's Office, department heads and approving authorities. Nothing waits for your decision.");
  return { groups, total };
}

/** "Next review": the oldest item waiting for this person, whatever its kind. */
export async function nextWaiting(svc: Svc, actor: Actor): Promise<ActionRef | undefined> {
  const all = (await waitingForMe(svc, actor)).groups.flatMap((g) => g.items);
  return all.sort((a, b) => a.at.getTime() - b.at.getTime())[0]?.open;
}

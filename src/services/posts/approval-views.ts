import type { Post, PostRound, Presence } from '@prisma/client';
import { z } from 'zod';
import type { Actor } from '../../domain/roles';
import { mayDecidePost } from '../../domain/posts/post-rules';
import { formatWhen } from '../../domain/when';
import type { Db, Tx } from '../../store/prisma';
import type { CardExtra } from '../engines/decide-on-card';
import { personName, presenceFacts, valuesOf } from './post-facts';
import { contentOf, platformLabel, roundLines } from './post-reads';
import type { FindingView, PostApprovalView } from './post-views';

export type RoundWithPost = PostRound & { post: Post & { presence: Presence } };

export async function loadRound(db: Db | Tx, roundId: string): Promise<RoundWithPost | null> {
  const round = await db.postRound.findUnique({ where: { id: roundId }, include: { post: true } });
  if (!round) return null;
  const presence = await db.presence.findUnique({ where: { id: round.post.presenceId } });
  return presence ? { ...round, post: { ...round.post, presence } } : null;
}

/** The drafter sees their own round (and is told they cannot decide it); the deciders see it to decide. */
export const canSeeRound = (actor: Actor, r: RoundWithPost) => r.post.drafterId === actor.personId || mayDecidePost(presenceFacts(r.post.presence), r.post, actor);

const ZFindings = z.array(z.object({ index: z.number(), code: z.string(), rule: z.string(), severity: z.enum(['blocking', 'flag', 'warning']), message: z.string(), fixLabel: z.string().optional() }));

/** The findings as shown at submit (stored with the round): what the approver saw is what was checked then. */
export function storedFindings(json: string): FindingView[] {
  const parsed = ZFindings.safeParse(JSON.parse(json));
  return parsed.success ? (parsed.data as FindingView[]) : [];
}

export async function approvalView(db: Db | Tx, r: RoundWithPost, timeZone: string, extra: CardExtra = {}): Promise<PostApprovalView> {
  const findings = storedFindings(r.findings);
  const department = await db.department.findUnique({ where: { id: r.post.presence.departmentId } });
  const earlier = await db.postRound.findMany({ where: { postId: r.postId, round: { lt: r.round } }, orderBy: { round: 'asc' } });
  return {
    roundId: r.id,
    round: r.round,
    handle: r.post.presence.handle,
    platformLabel: platformLabel(r.post.presence.platform),
    departmentName: department?.name ?? r.post.presence.departmentId,
    drafterName: await personName(db, r.post.drafterId),
    approverName: await personName(db, r.approverId),
    submittedAt: formatWhen(r.createdAt, timeZone),
    content: contentOf(valuesOf(r.snapshot), timeZone),
    findings,
    flags: findings.filter((f) => f.severity === 'flag').length,
    earlier: await roundLines(db as Db, earlier, timeZone),
    ...(r.status !== 'pending' && r.decidedAt
      ? { decided: { outcome: r.status === 'approved' ? 'approved' : 'returned', by: await personName(db, r.deciderId ?? undefined), at: formatWhen(r.decidedAt, timeZone), ...(r.reason ? { reason: r.reason } : {}) } }
      : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
    ...(extra.inputError ? { reasonError: extra.inputError } : {}),
  };
}

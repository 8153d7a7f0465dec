import type { PostCorrection } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { CORRECTABLE_STATUSES, CORRECTION_KIND_LABELS, isIt, VIOLATED_POLICY_LABELS } from '../../domain/oversight/correction-rule';
import { POST_STATUS_LABELS, type PostStatus } from '../../domain/posts/post-rules';
import { postDraftOf } from '../../domain/posts/compose-form';
import { ownLabel } from '../../domain/own-keys';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import type { Db, Tx } from '../../store/prisma';
import type { Services } from '../context';
import { loadPost, personName, valuesOf } from '../posts/post-facts';
import { canReadPost, platformLabel, roundLines } from '../posts/post-reads';
import { casesHolding } from './holds';
import type { CorrectionLine, PostHistoryView } from './oversight-views';

type Svc = Pick<Services, 'db' | 'config'>;

export const textOf = (draftJson: string) => postDraftOf(valuesOf(draftJson)).draft.text;

/** The original a correction kept: the post's text as it stood when IT acted. */
function originalText(c: PostCorrection): string {
  try {
    const o = JSON.parse(c.original) as { text?: unknown };
    return typeof o.text === 'string' ? o.text : '';
  } catch {
    return '';
  }
}

export async function correctionLines(db: Db | Tx, postId: string, timeZone: string): Promise<CorrectionLine[]> {
  const rows = await db.postCorrection.findMany({ where: { postId }, orderBy: { at: 'asc' } });
  const out: CorrectionLine[] = [];
  for (const c of rows) {
    out.push({ kindLabel: ownLabel(CORRECTION_KIND_LABELS, c.kind), policyLabel: ownLabel(VIOLATED_POLICY_LABELS, c.policy), reason: c.reason, by: await personName(db, c.byId), at: formatWhen(c.at, timeZone), originalText: originalText(c), ...(c.editedText ? { editedText: c.editedText } : {}) });
  }
  return out;
}

/**
 * REC-4: a post's history as anyone who may read the post (or IT) sees it: the text as approved, its approval rounds,
 * each edit or removal IT recorded with the original kept, and any police case holding it (REC-3).
 */
export async function postHistory(svc: Svc, actor: Actor, postId: string, notice?: PostHistoryView['notice']): Promise<PostHistoryView> {
  const { db, config } = svc;
  const post = await loadPost(db, postId);
  if (!isIt(actor) && !canReadPost(post, post.presence, actor)) throw new AppError('NOT_AUTHORIZED', "Only the post's drafter, the people who post for its presence, its approving authority and IT can see its history.");
  const [rounds, corrections, heldFor] = await Promise.all([
    db.postRound.findMany({ where: { postId }, orderBy: { round: 'asc' } }),
    correctionLines(db, postId, config.timeZone),
    casesHolding(db, [{ entityType: 'post', entityId: postId }]),
  ]);
  return {
    postId,
    presenceId: post.presenceId,
    handle: post.presence.handle,
    platformLabel: platformLabel(post.presence.platform),
    statusLabel: ownLabel(POST_STATUS_LABELS as Record<PostStatus, string>, post.status),
    text: textOf(post.draft),
    ...(post.publishedUrl ? { publishedUrl: post.publishedUrl } : {}),
    rounds: await roundLines(db, rounds, config.timeZone),
    corrections,
    heldFor,
    canCorrect: isIt(actor) && CORRECTABLE_STATUSES.includes(post.status) && heldFor.length === 0,
    canRefer: hasRole(actor, 'it_director'),
    ...(notice ? { notice } : {}),
  };
}

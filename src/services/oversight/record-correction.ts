import type { Actor } from '../../domain/roles';
import { correctionRule, CORRECTION_KIND_LABELS, isIt, type CorrectionInput } from '../../domain/oversight/correction-rule';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { enqueueToPerson } from '../../notify/outbox';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { loadPost } from '../posts/post-facts';
import { assertNotHeld } from './holds';
import { postHistory, textOf } from './post-history';
import type { CorrectionFormView, PostHistoryView } from './oversight-views';

type Svc = Pick<Services, 'db' | 'config' | 'present' | 'now'>;
export type CorrectionScreen = { screen: 'form'; view: CorrectionFormView } | { screen: 'history'; view: PostHistoryView };

/** REC-4: IT's form to record an edit or removal of a post, showing the post as it stands. */
export async function correctionForm(svc: Pick<Services, 'db'>, actor: Actor, postId: string, values: CorrectionFormView['values'] = {}, error?: string): Promise<CorrectionFormView> {
  if (!isIt(actor)) throw new AppError('NOT_AUTHORIZED', 'Only IT (an IT reviewer or the IT Director) records an edit or removal of a post.');
  const post = await loadPost(svc.db, postId);
  await assertNotHeld(svc.db, 'post', postId);
  return { postId, handle: post.presence.handle, text: textOf(post.draft), values, ...(error ? { error } : {}) };
}

/**
 * REC-4 (APM "Role of IT" 1a, 1): IT records that it edited or removed a post that violates policy. The post as it
 * stood is copied into the correction and never overwritten; the correction, its audit event and the notices to the
 * drafter and the presence's owner commit together. A post held for a police case cannot be corrected (REC-3).
 */
export async function recordCorrection(svc: Svc, actor: Actor, input: CorrectionInput & { postId: string }): Promise<CorrectionScreen> {
  const post = await loadPost(svc.db, input.postId);
  const verdict = correctionRule(actor, post.status, input);
  if (verdict.refused && verdict.code === 'INVALID_INPUT') {
    const { postId: _p, ...values } = input;
    return { screen: 'form', view: await correctionForm(svc, actor, post.id, values, verdict.message) };
  }
  if (verdict.refused) refusedWith(verdict);
  await assertNotHeld(svc.db, 'post', post.id);
  const at = svc.now();
  const original = { text: textOf(post.draft), draft: JSON.parse(post.draft) as unknown, status: post.status, version: post.version, publishedUrl: post.publishedUrl, publishedAt: post.publishedAt?.toISOString() ?? null };
  await svc.db.$transaction(async (tx) => {
    const row = await tx.postCorrection.create({
      data: { postId: post.id, presenceId: post.presenceId, kind: verdict.kind, policy: verdict.policy, reason: verdict.reason, original: JSON.stringify(original), editedText: verdict.editedText, byId: actor.personId, at },
    });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'post.corrected', entityType: 'presence', entityId: post.presenceId, data: { correctionId: row.id, postId: post.id, kind: verdict.kind, policy: verdict.policy, reason: verdict.reason } }, at);
    const notice = (headline: string) => ({ summary: headline, card: svc.present.noticeCard({ headline, detail: `${actor.name}, IT: ${verdict.policy}. ${verdict.reason}`, color: 'attention', about: `Post for ${post.presence.handle}`, action: { title: 'See its history', verb: 'post.history', postId: post.id } }) });
    const label = verdict.kind === 'edit' ? 'edited by IT' : 'removed by IT';
    for (const personId of new Set([post.drafterId, post.presence.ownerId])) await enqueueToPerson(tx, personId, notice(`Your post for ${post.presence.handle} was ${label}`));
  }, TX_OPTIONS);
  return { screen: 'history', view: await postHistory(svc, actor, post.id, { text: `${CORRECTION_KIND_LABELS[verdict.kind]} recorded. The post as it stood is kept below.`, color: 'accent' }) };
}

import type { Post, PostRound, Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { canDraftFor, canEditPost, canMarkPublished, canSubmitPost, mayDecidePost, POST_STATUS_LABELS, type PostStatus } from '../../domain/posts/post-rules';
import { blocking } from '../../domain/posts/check-post';
import { COMPOSE_LIMITS, postDraftOf, publishAtOf, type ComposeValues } from '../../domain/posts/compose-form';
import { textLimitHint } from '../../domain/posts/platform-limits';
import { PLATFORM_LABELS, PLATFORMS } from '../../domain/presence-answers';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import type { Db } from '../../store/prisma';
import type { Services } from '../context';
import type { Tone } from '../presenters';
import { findingsFor, loadPost, personName, platformOf, postFacts, presenceFacts, valuesOf } from './post-facts';
import { findingViews, type PostContent, type PostListItem, type PostView, type RoundLine } from './post-views';

type Svc = Pick<Services, 'db' | 'config'>;
const COLORS: Record<PostStatus, Tone> = { draft: 'default', in_review: 'accent', returned: 'attention', approved: 'good', published: 'good' };

export const platformLabel = (p: string) => ((PLATFORMS as readonly string[]).includes(p) ? PLATFORM_LABELS[p as (typeof PLATFORMS)[number]] : p);

/** Who may read a post: its drafter, those who may post for its presence, and those who decide on its posts. */
export function canReadPost(post: Post, presence: Presence, actor: Actor): boolean {
  const facts = presenceFacts(presence);
  return post.drafterId === actor.personId || facts.ownerId === actor.personId || facts.spokespersonIds.includes(actor.personId) || mayDecidePost(facts, post, actor);
}

export function contentOf(values: ComposeValues, timeZone: string): PostContent {
  const { draft } = postDraftOf(values);
  const at = publishAtOf(values, timeZone);
  return { text: draft.text, links: [...draft.links], images: [...draft.images], emergency: draft.emergency, ...(at.ok && at.at ? { publishAt: formatWhen(at.at, timeZone) } : {}) };
}

export async function roundLines(db: Db, rounds: PostRound[], timeZone: string): Promise<RoundLine[]> {
  const out: RoundLine[] = [];
  for (const r of rounds) {
    const outcome = r.status === 'pending' ? 'waiting for approval' : r.status;
    out.push({ round: r.round, outcome, ...(r.deciderId ? { by: await personName(db, r.deciderId) } : {}), ...(r.decidedAt ? { at: formatWhen(r.decidedAt, timeZone) } : {}), ...(r.reason ? { reason: r.reason } : {}) });
  }
  return out;
}

/** The drafter's card for a post; `compose` shows the form when the post may still be edited. */
export async function postView(
  svc: Svc,
  actor: Actor,
  postId: string,
  extra: { compose?: boolean; values?: ComposeValues; errors?: Record<string, string>; notice?: PostView['notice'] } = {},
): Promise<PostView> {
  const { db, config } = svc;
  const post = await loadPost(db, postId);
  if (!canReadPost(post, post.presence, actor)) throw new AppError('NOT_AUTHORIZED', 'Only its drafter, the people who post for its presence and its approving authority can see this post.');
  const values = extra.values ?? valuesOf(post.draft);
  const findings = findingsFor(values, post.presence, config);
  const facts = postFacts(post);
  const editable = Boolean(extra.compose) && !canEditPost(facts, actor).refused;
  const actions: PostView['actions'] = [];
  if (!canSubmitPost(facts, actor, blocking(findings).length).refused) actions.push('submit');
  if (!editable && !canEditPost(facts, actor).refused) actions.push('edit');
  if (!canMarkPublished(facts, presenceFacts(post.presence), actor).refused) actions.push('publish');
  const rounds = await db.postRound.findMany({ where: { postId }, orderBy: { round: 'asc' } });
  return {
    postId,
    version: post.version,
    handle: post.presence.handle,
    platformLabel: platformLabel(post.presence.platform),
    textLimit: textLimitHint(platformOf(post.presence.platform), COMPOSE_LIMITS.textChars),
    status: facts.status,
    statusLabel: POST_STATUS_LABELS[facts.status],
    statusColor: COLORS[facts.status],
    editable,
    values,
    content: contentOf(values, config.timeZone),
    findings: findingViews(findings),
    actions,
    rounds: await roundLines(db, rounds, config.timeZone),
    ...(post.publishedUrl ? { publishedUrl: post.publishedUrl } : {}),
    ...(extra.errors && Object.keys(extra.errors).length ? { errors: extra.errors } : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
  };
}

/** POST-1: the active presences this person may draft for (owner or named spokesperson). */
export async function presencesToPostFor(svc: Svc, actor: Actor): Promise<Array<{ id: string; label: string }>> {
  const active = await svc.db.presence.findMany({ where: { state: 'active' }, orderBy: { handle: 'asc' } });
  return active.filter((p) => !canDraftFor(presenceFacts(p), actor, '').refused).map((p) => ({ id: p.id, label: `${p.handle} (${platformLabel(p.platform)})` }));
}

/** `my posts`: the person's latest 20 posts, newest first. */
export async function myPosts(svc: Svc, actor: Actor): Promise<PostListItem[]> {
  const posts = await svc.db.post.findMany({ where: { drafterId: actor.personId }, orderBy: { updatedAt: 'desc' }, take: 20 });
  const handles = new Map((await svc.db.presence.findMany({ where: { id: { in: posts.map((p) => p.presenceId) } } })).map((p) => [p.id, p.handle]));
  return posts.map((p) => {
    const text = postDraftOf(valuesOf(p.draft)).draft.text.replace(/\s+/g, ' ').trim();
    return { postId: p.id, handle: handles.get(p.presenceId) ?? 'unknown', statusLabel: POST_STATUS_LABELS[p.status as PostStatus] ?? p.status, excerpt: text.length > 80 ? `${text.slice(0, 79)}…` : text || '(no text yet)', updated: formatWhen(p.updatedAt, svc.config.timeZone) };
  });
}

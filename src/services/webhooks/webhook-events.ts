import type { Presence } from '@prisma/client';
import type { Config } from '../../config/config';
import { postDraftOf, publishAtOf } from '../../domain/posts/compose-form';
import type { WebhookEvent } from '../../domain/webhooks';
import { enqueueWebhookEvent } from '../../notify/webhook-outbox';
import type { Tx } from '../../store/prisma';
import { valuesOf } from '../posts/post-facts';
import { publicPresence } from '../public/public-reads';

type Cfg = Pick<Config, 'publicBaseUrl' | 'timeZone'>;

/** A public page: its path under the public root, and its full address when PUBLIC_BASE_URL says where that is. */
const page = (config: Cfg, path: string) => ({ path, ...(config.publicBaseUrl ? { url: `${config.publicBaseUrl}/${path}` } : {}) });

/** The presence's public fields only, as the registry shows them: never people, contacts or logins. */
async function presenceData(tx: Tx, config: Cfg, p: Presence) {
  const dept = await tx.department.findUnique({ where: { id: p.departmentId } });
  const { updatedAt: _omit, ...pub } = publicPresence(p, new Map(dept ? [[dept.id, dept]] : []));
  return { ...pub, page: page(config, `presences/${p.id}`) };
}

/** presence.registered (it went live) or presence.state_changed, in the caller's transaction. */
export async function enqueuePresenceEvent(tx: Tx, config: Cfg, type: Extract<WebhookEvent, `presence.${string}`>, presenceId: string, at: Date, from?: string): Promise<void> {
  const p = await tx.presence.findUniqueOrThrow({ where: { id: presenceId } });
  const data = { presence: await presenceData(tx, config, p), ...(from ? { from } : {}) };
  await enqueueWebhookEvent(tx, type, data, at, `${type} for ${p.handle}`);
}

/** post.approved (a round approved) or post.published (marked published with its address), in the caller's transaction. */
export async function enqueuePostEvent(tx: Tx, config: Cfg, type: Extract<WebhookEvent, `post.${string}`>, postId: string, round: number, at: Date): Promise<void> {
  const post = await tx.post.findUniqueOrThrow({ where: { id: postId } });
  const r = await tx.postRound.findUniqueOrThrow({ where: { postId_round: { postId, round } } });
  const p = await tx.presence.findUniqueOrThrow({ where: { id: post.presenceId } });
  const values = valuesOf(r.snapshot);
  const draft = postDraftOf(values).draft;
  const publishAt = publishAtOf(values, config.timeZone);
  const data = {
    post: {
      id: postId,
      version: round,
      text: draft.text,
      links: draft.links,
      images: draft.images,
      approvedAt: r.decidedAt?.toISOString() ?? null,
      publishAt: publishAt.ok && publishAt.at ? publishAt.at.toISOString() : null,
      ...(type === 'post.published' ? { publishedUrl: post.publishedUrl, publishedAt: post.publishedAt?.toISOString() ?? null } : {}),
      page: page(config, `posts/${postId}/v/${round}`),
    },
    presence: await presenceData(tx, config, p),
  };
  await enqueueWebhookEvent(tx, type, data, at, `${type} for ${p.handle}`);
}

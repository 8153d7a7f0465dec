import type { Post, Presence } from '@prisma/client';
import { z } from 'zod';
import type { Config } from '../../config/config';
import type { PresenceState } from '../../domain/presence';
import { PLATFORMS } from '../../domain/presence-answers';
import { checkPost } from '../../domain/posts/check-post';
import { postDraftOf, type ComposeValues } from '../../domain/posts/compose-form';
import type { Finding, PostPlatform } from '../../domain/posts/types';
import type { PostFacts, PostPresenceFacts, PostStatus } from '../../domain/posts/post-rules';
import { AppError } from '../../errors/app-error';
import type { Db, Tx } from '../../store/prisma';

/** The registry record fields posts read (REG-1); anything else in it is ignored. */
const ZRecord = z.looseObject({ approverId: z.string().optional(), spokespersonIds: z.string().optional(), cityWebPage: z.string().optional() });
const ZValues = z.record(z.string(), z.string());

export function presenceFacts(p: Presence): PostPresenceFacts & { cityWebPage?: string; platform: string } {
  const rec = ZRecord.safeParse(JSON.parse(p.record));
  const r = rec.success ? rec.data : {};
  return {
    ownerId: p.ownerId,
    departmentId: p.departmentId,
    state: p.state as PresenceState,
    handle: p.handle,
    platform: p.platform,
    approverId: r.approverId,
    spokespersonIds: (r.spokespersonIds ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    cityWebPage: r.cityWebPage,
  };
}

export const postFacts = (p: Pick<Post, 'drafterId' | 'status'>): PostFacts => ({ drafterId: p.drafterId, status: p.status as PostStatus });

/** The compose card's stored values; a corrupted row reads as empty rather than failing every screen. */
export function valuesOf(json: string): ComposeValues {
  try {
    const parsed = ZValues.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const platformOf = (p: string): PostPlatform => ((PLATFORMS as readonly string[]).includes(p) ? (p as PostPlatform) : 'other');

/** Every finding of a draft (ADR 0009): recomputed on each read, never stored, so a rule change reaches open drafts. */
export function findingsFor(values: ComposeValues, presence: Presence, config: Pick<Config, 'cityWebDomains' | 'emergencyPageUrl'>): Finding[] {
  const facts = presenceFacts(presence);
  return checkPost(postDraftOf(values).draft, { cityWebDomains: config.cityWebDomains, cityPageUrl: facts.cityWebPage, emergencyPageUrl: config.emergencyPageUrl, platform: platformOf(presence.platform) });
}

export async function loadPost(db: Db | Tx, postId: string): Promise<Post & { presence: Presence }> {
  const post = await db.post.findUnique({ where: { id: postId } });
  const presence = post && (await db.presence.findUnique({ where: { id: post.presenceId } }));
  if (!post || !presence) throw new AppError('NOT_FOUND', 'That post does not exist. Type "my posts" to see yours.');
  return { ...post, presence };
}

export async function personName(db: Db | Tx, id: string | undefined): Promise<string> {
  if (!id) return 'someone';
  return (await db.person.findUnique({ where: { id } }))?.name ?? 'someone';
}

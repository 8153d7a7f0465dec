import type { Presence } from '@prisma/client';
import { z } from 'zod';
import type { Config } from '../../config/config';
import { canEditPost } from '../../domain/posts/post-rules';
import { blocking } from '../../domain/posts/check-post';
import { COMPOSE_FIELDS, postDraftOf, publishAtOf } from '../../domain/posts/compose-form';
import type { FieldKind } from '../../domain/normalize-input';
import type { FlowDeclaration } from '../engines/guided-flow';
import { findingsFor, postFacts, valuesOf } from './post-facts';

const KINDS: Readonly<Record<string, FieldKind>> = { text: 'longText', links: 'longText', emergency: 'choice', image1Url: 'url', image2Url: 'url', image3Url: 'url' };

/** The columns a save reads: who drafted it, where it stands, and the draft so far. */
const PostRow = z.object({ id: z.string(), drafterId: z.string(), status: z.string(), draft: z.string() });

/**
 * Issue 11 "Compose", declared for the guided-flow engine: one step (the compose card), then the summary (the post
 * as it will read, with Submit). Next moves on only when nothing blocks (POST-2, POST-3, POST-4, alt text, limits).
 * Saving an approved post makes it a draft again: the approved round stays frozen, the edit needs approval.
 */
export function postFlow(presence: Presence, config: Pick<Config, 'cityWebDomains' | 'emergencyPageUrl' | 'timeZone'>): FlowDeclaration<z.infer<typeof PostRow>> {
  return {
    name: 'post',
    entityType: 'post',
    steps: [{ title: 'Compose', fields: COMPOSE_FIELDS.map((id) => ({ id, kind: Object.hasOwn(KINDS, id) ? KINDS[id] : 'text' })) }],
    notFound: 'That post does not exist. Type "my posts" to see yours.',
    table: 'Post',
    row: PostRow,
    canEdit: (post, actor) => canEditPost(postFacts(post), actor),
    draftOf: (post) => valuesOf(post.draft),
    check: (_step, values) => {
      const parsed = postDraftOf(values);
      const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
      const at = publishAtOf(values, config.timeZone);
      if (!at.ok) errors[at.field] ??= at.message;
      const blocks = blocking(findingsFor(values, presence, config));
      if (blocks.length) errors.text ??= `Fix the ${blocks.length === 1 ? 'problem' : `${blocks.length} problems`} marked "must fix" below first.`;
      return errors;
    },
    update: (post, values) => {
      const json = JSON.stringify(values);
      if (json === post.draft) return undefined;
      const at = publishAtOf(values, config.timeZone);
      return { draft: json, publishAt: at.ok ? at.at : null, ...(post.status === 'approved' ? { status: 'draft' } : {}) };
    },
  };
}

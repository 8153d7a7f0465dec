import { card, columns, execute, status, text, title, actionSet } from '../common/elements';
import { choiceInput } from '../common/inputs';
import type { PostListItem } from '../../src/services/posts/post-views';

/** POST-1: choose one of the active presences you may post for; none means saying who to ask. */
export function presencePickerCard(presences: Array<{ id: string; label: string }>, error?: string) {
  if (!presences.length) {
    return card([
      title('Draft a post'),
      status('You are not a spokesperson of any active presence.'),
      text("Posts are drafted by a presence's owner and the spokespersons named in its registry record. Ask the presence's owner or your department head to name you; type \"registry\" to see who owns each presence."),
    ], [execute('Registry', { verb: 'registry.show' })]);
  }
  return card(
    [title('Draft a post'), status('Choose the presence this post is for.'), ...choiceInput({ id: 'presenceId', label: 'Presence', required: true, choices: presences.map((p) => ({ title: p.label, value: p.id })), value: presences.length === 1 ? presences[0].id : undefined, error })],
    [execute('Start drafting', { verb: 'post.new' }, 'positive')],
  );
}

/** `my posts`: drafts, posts in review, approved and published ones, each with Open. */
export function myPostsCard(items: PostListItem[]) {
  return card(
    [
      title('My posts'),
      status(items.length ? `Your latest ${items.length} post${items.length > 1 ? 's' : ''}, newest first.` : 'You have no posts yet.'),
      ...items.map((p) => columns([{ items: [text(`${p.handle} · ${p.statusLabel}`, { weight: 'Bolder' }), text(p.excerpt, { size: 'Small' }), text(`Updated ${p.updated}`, { subtle: true, size: 'Small' })] }, { width: 'auto', items: [actionSet([execute('Open', { verb: 'post.open', postId: p.postId })])] }])),
    ],
    [execute('Draft a post', { verb: 'post.start' }, 'positive')],
  );
}

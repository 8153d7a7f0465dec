import { bullets, card, confirm, container, execute, heading, status, text, title, type Element } from '../common/elements';
import { textInput } from '../common/inputs';
import type { PostView } from '../../src/services/posts/post-views';
import { composeCard } from './compose-card';
import { findingsSection, roundLinesText } from './findings';
import { postContent } from './post-content';

const BANNER = { default: 'emphasis', accent: 'accent', attention: 'attention', good: 'good', warning: 'warning' } as const;

/** The drafter's card: the compose form while editing, otherwise the post as it will read and what comes next. */
export function postCard(v: PostView) {
  if (v.editable) return composeCard(v);
  const body: Array<Element | null> = [
    title(`Post for ${v.handle}`),
    container([status(`${v.statusLabel} · ${v.platformLabel} · version ${v.version}`)], BANNER[v.statusColor]),
    v.notice ? container([text(v.notice.text, { weight: 'Bolder' })], v.notice.color === 'warning' ? 'warning' : 'accent') : null,
    v.actions.includes('submit') ? text('This is the post as it will read. Submit it for approval, or edit it first.') : null,
    ...postContent(v.content),
    v.publishedUrl ? text(`Published at ${v.publishedUrl}`) : null,
    ...findingsSection(v.findings),
    v.rounds.length ? heading('Approval rounds') : null,
    v.rounds.length ? bullets(roundLinesText(v.rounds)) : null,
  ];
  const actions = [
    v.actions.includes('submit') ? execute('Submit for approval', { verb: 'post.submit', postId: v.postId }, 'positive') : null,
    v.actions.includes('publish')
      ? confirm('Mark as published', [...textInput({ id: 'url', label: 'Address of the post on the platform', required: true, style: 'Url', placeholder: 'https://www.facebook.com/MadisonParks/posts/123', errorMessage: 'Paste the address of the post' })], execute('Mark published', { verb: 'post.publish', postId: v.postId }, 'positive'), 'default')
      : null,
    v.actions.includes('edit') ? execute(v.status === 'approved' ? 'Edit (new version)' : 'Edit', { verb: 'post.edit', postId: v.postId }) : null,
    { ...execute('My posts', { verb: 'posts.mine' }), mode: 'secondary' },
  ];
  return card(body, actions);
}

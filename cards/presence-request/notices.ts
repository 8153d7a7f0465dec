import { card, execute, status, text, title } from '../common/elements';

/** Notices to the requester's personal chat: what happened, and the button to act on it (CARDS.md). */
export function requesterNotice(v: { requestId: string; handle: string; headline: string; detail: string; color: 'good' | 'attention' | 'default'; action?: { title: string; verb: string; data?: Record<string, unknown> } }) {
  return card(
    [title(v.headline), status(v.detail, v.color), text(`Request for ${v.handle}`, { subtle: true, size: 'Small' })],
    [v.action ? execute(v.action.title, { verb: v.action.verb, requestId: v.requestId, ...v.action.data }, 'positive') : execute('Open request', { verb: 'request.open', requestId: v.requestId })],
  );
}

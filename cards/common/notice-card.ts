import { card, execute, status, text, title } from './elements';
import type { NoticeView } from '../../src/services/presenters';

/**
 * A notice in someone's personal chat: what happened, what it is about, and the button to act on it (CARDS.md:
 * "IT returned your request: ... [Revise request]"). The button's data names the record; it carries no authority.
 */
export function noticeCard(v: NoticeView) {
  const { title: label, ...data } = v.action;
  return card([title(v.headline), status(v.detail, v.color), text(v.about, { subtle: true, size: 'Small' })], [execute(label, data, 'positive')]);
}

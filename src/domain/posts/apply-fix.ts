import { refuse, type Result } from '../result';
import { POST_INPUT_LIMITS } from './input-limits';
import type { Fix, PostDraft } from './types';

/**
 * Applies a one-click fix to the draft's text. The server applies only fixes it produced itself by checking the
 * stored draft again (never one read from card data); a replace whose range no longer holds what it held when the
 * fix was offered is refused, so a fix from an older card cannot garble a newer text.
 */
export function applyFix(draft: PostDraft, fix: Fix): Result<{ draft: PostDraft }> {
  let text: string;
  if (fix.kind === 'append') {
    text = draft.text + fix.text;
  } else {
    const { start, end } = fix.range;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= draft.text.length;
    if (!valid || draft.text.slice(start, end) !== fix.expected) {
      return refuse('STALE_CARD', 'The text changed since this fix was offered. Check the post again and use the fix shown now.');
    }
    text = draft.text.slice(0, start) + fix.text + draft.text.slice(end);
  }
  if (text.length > POST_INPUT_LIMITS.textChars) {
    return refuse('INVALID_INPUT', `With this fix the post would be over ${POST_INPUT_LIMITS.textChars.toLocaleString('en-US')} characters. Shorten it first.`);
  }
  return { refused: false, draft: { ...draft, text } };
}

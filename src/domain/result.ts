/** A rule's answer: allowed (with what follows), or refused with a code and words a person can read (STYLE.md). */
export type RefusalCode = 'NOT_AUTHORIZED' | 'STALE_CARD' | 'INVALID_INPUT' | 'WRONG_PLACE';
export type Refusal = { refused: true; code: RefusalCode; message: string };
export type Result<T = object> = ({ refused: false } & T) | Refusal;

export const refuse = (code: RefusalCode, message: string): Refusal => ({ refused: true, code, message });

/** What a decider whose click did not count reads on the card as it now stands (REQ-4, POL-2). */
export function refusedClickNotice(r: Refusal): string {
  return r.code === 'STALE_CARD' ? 'This was already decided; your click did not change anything.' : `${r.message} Nothing was changed.`;
}

/** Two deciders clicked at once and the other one's decision counted. */
export const LOST_RACE_NOTICE = 'Someone decided this just before you; your click did not change anything.';

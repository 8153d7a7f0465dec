import type { Verb } from '../verbs';

/** A button a view asks for: its verb and the ids it names (never authority; the server checks every click). */
export type ActionRef = { title: string; verb: Verb } & Record<string, unknown>;

/**
 * The short card that replaces the one clicked after Submit, File or a decision (issue 10, CARDS.md "After an
 * action"): what happened and what comes next, seen without scrolling, with the details one click away.
 */
export interface DoneView {
  headline: string;
  next: string;
  details: ActionRef;
  more?: ActionRef[];
}

/** A destructive click's confirm card (CARDS.md): the question in words; only its Yes carries `confirmed: true`. */
export interface ConfirmView {
  headline: string;
  question: string;
  confirm: ActionRef;
  back: ActionRef;
}

import type { Tone } from '../presenters';
import type { RoundLine } from '../posts/post-views';

/** REC-4: one edit or removal IT recorded, with the post as it stood before (never overwritten). */
export interface CorrectionLine {
  kindLabel: string;
  policyLabel: string;
  reason: string;
  by: string;
  at: string;
  originalText: string;
  editedText?: string;
}

/** A post's history: as approved, its approval rounds, IT's corrections and any police hold (REC-3, REC-4). */
export interface PostHistoryView {
  postId: string;
  presenceId: string;
  handle: string;
  platformLabel: string;
  statusLabel: string;
  text: string;
  publishedUrl?: string;
  rounds: RoundLine[];
  corrections: CorrectionLine[];
  heldFor: string[];
  canCorrect: boolean;
  canRefer: boolean;
  notice?: { text: string; color: Tone };
}

export interface CorrectionFormView {
  postId: string;
  handle: string;
  text: string;
  values: { kind?: string; policy?: string; reason?: string; editedText?: string };
  error?: string;
}

/** REC-3: one referral to the Police Department as recorded. */
export interface ReferralLine {
  caseNumber: string;
  foundOn: string;
  reportedOn: string;
  by: string;
  held: string[];
  note: string;
}

/** IT's view of a presence: its posts (each with its history) and its police referrals. */
export interface OversightView {
  presenceId: string;
  handle: string;
  platformLabel: string;
  referrals: ReferralLine[];
  posts: Array<{ postId: string; statusLabel: string; excerpt: string; corrections: number; held: boolean }>;
  canRefer: boolean;
  notice?: { text: string; color: Tone };
}

export interface ReferralFormView {
  presenceId: string;
  postId?: string;
  handle: string;
  /** The records the IT Director may keep for the investigation: the presence and its posts. */
  choices: Array<{ title: string; value: string }>;
  values: { foundOn?: string; reportedOn?: string; caseNumber?: string; note?: string; held?: string };
  today: string;
  error?: string;
}

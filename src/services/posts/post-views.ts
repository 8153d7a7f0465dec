import type { Finding, PostImage } from '../../domain/posts/types';
import type { PostStatus } from '../../domain/posts/post-rules';
import type { ComposeValues } from '../../domain/posts/compose-form';
import type { Tone } from '../presenters';

/** A finding as a card shows it; the fix button names the finding's code and index, never the fix (ADR 0009). */
export interface FindingView {
  index: number;
  code: string;
  rule: Finding['rule'];
  severity: Finding['severity'];
  message: string;
  fixLabel?: string;
}

export interface RoundLine {
  round: number;
  outcome: string;
  by?: string;
  at?: string;
  reason?: string;
}

/** The post as it will read. */
export interface PostContent {
  text: string;
  links: string[];
  images: PostImage[];
  emergency: boolean;
  publishAt?: string;
}

/** The drafter's card: the compose form (editable) or the post as it stands, with what they may do next. */
export interface PostView {
  postId: string;
  version: number;
  handle: string;
  platformLabel: string;
  /** The text's limit in words: the platform's where it is stricter than the card's cap (issue 11, ADR 0010). */
  textLimit: string;
  status: PostStatus;
  statusLabel: string;
  statusColor: Tone;
  editable: boolean;
  values: ComposeValues;
  content: PostContent;
  findings: FindingView[];
  errors?: Record<string, string>;
  actions: Array<'submit' | 'edit' | 'publish'>;
  rounds: RoundLine[];
  publishedUrl?: string;
  notice?: { text: string; color: Tone };
}

/** The approving authority's card (personal chat, and the department's post-approval channel when bound). */
export interface PostApprovalView {
  roundId: string;
  round: number;
  handle: string;
  platformLabel: string;
  departmentName: string;
  drafterName: string;
  /** The approving authority named in the registry record; a department head may decide too (POST-6, ADR 0010). */
  approverName: string;
  submittedAt: string;
  content: PostContent;
  findings: FindingView[];
  flags: number;
  earlier: RoundLine[];
  decided?: { outcome: 'approved' | 'returned'; by: string; at: string; reason?: string };
  notice?: string;
  reasonError?: string;
}

export interface PostListItem {
  postId: string;
  handle: string;
  statusLabel: string;
  excerpt: string;
  updated: string;
}

export const findingViews = (findings: readonly Finding[]): FindingView[] =>
  findings.map((f, index) => ({ index, code: f.code, rule: f.rule, severity: f.severity, message: f.message, ...(f.fix ? { fixLabel: f.fix.label } : {}) }));

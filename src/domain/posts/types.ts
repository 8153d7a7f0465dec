import type { PLATFORMS } from '../presence-answers';

/**
 * The shapes the post checks (POST-2..POST-5, platform limits, accessibility) share. Pure data: the compose and
 * approval cards render findings from these, and a one-click fix is data the server applies (docs/decisions/0009).
 */

/** Where in the post's text a finding points: UTF-16 offsets, as String.prototype.slice takes them. */
export type TextRange = { readonly start: number; readonly end: number };

/**
 * blocking: the post cannot be submitted until it is fixed.
 * flag: the approver sees it and must give a reason to approve anyway (POST-5).
 * warning: advice; nothing stops the post.
 */
export type Severity = 'blocking' | 'flag' | 'warning';

export type Rule = 'POST-2' | 'POST-3' | 'POST-4' | 'POST-5' | 'PLATFORM' | 'A11Y';

/** A change to the draft described as data, so a card button can name it and the server can apply it. */
export type Fix =
  | { readonly kind: 'append'; readonly label: string; readonly text: string }
  /** `expected` is what the range held when the fix was offered; a stale fix is refused rather than misapplied. */
  | { readonly kind: 'replace'; readonly label: string; readonly range: TextRange; readonly expected: string; readonly text: string };

export type Finding = {
  readonly rule: Rule;
  /** A stable key for the card and tests (e.g. 'no-city-link'); the message may be reworded, the code may not. */
  readonly code: string;
  readonly severity: Severity;
  /** Plain English for a spokesperson: what is wrong and what to do. */
  readonly message: string;
  readonly range?: TextRange;
  /** The other field it concerns, when not the text: 'links.0', 'images.2.alt', 'emergency'. */
  readonly field?: string;
  readonly fix?: Fix;
};

export type PostPlatform = (typeof PLATFORMS)[number];

export type PostImage = { readonly url: string; readonly alt: string };

/** What the compose card collects (issue 11, step 2). */
export type PostDraft = {
  readonly text: string;
  /** Links beyond those written in the text (the card's "more links" field). */
  readonly links: readonly string[];
  readonly images: readonly PostImage[];
  /** "Is this emergency information?" answered yes (POST-4). */
  readonly emergency: boolean;
};

export type CheckContext = {
  /** CITY_WEB_DOMAINS: a link to one of these or any subdomain is a City page. */
  readonly cityWebDomains: readonly string[];
  /** The presence's City page from its registry record (REG-1, "City Website" 1), offered as the POST-2 fix. */
  readonly cityPageUrl?: string;
  /** Where emergency information is released instead ("City Website" 6). */
  readonly emergencyPageUrl: string;
  readonly platform: PostPlatform;
};

import type { CheckContext, PostDraft } from '../../../src/domain/posts/types';

export const CITY = ['cityofmadison.com'];
export const PARKS_PAGE = 'https://www.cityofmadison.com/parks';
export const EMERGENCY_PAGE = 'https://www.cityofmadison.com/emergency';

export const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  cityWebDomains: CITY,
  cityPageUrl: PARKS_PAGE,
  emergencyPageUrl: EMERGENCY_PAGE,
  platform: 'facebook',
  ...over,
});

export const draft = (text: string, over: Partial<PostDraft> = {}): PostDraft => ({ text, links: [], images: [], emergency: false, ...over });

/** The disclaimer as APM consideration 12 and REQUIREMENTS.md (POST-3) print it, typed from the policy. */
export const POLICY_DISCLAIMER =
  'The City of Madison, Wisconsin is not responsible for the content provided on “related” and “promoted” links that are accessible from this page. All viewers should note that these related links, videos, content and comments expressed on them do not reflect the opinions and position of City of Madison government or its officers and employees.';

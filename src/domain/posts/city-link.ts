import { isCityHost, hostOf, type FoundLink } from './links';
import type { CheckContext, Finding } from './types';

/**
 * POST-2: a post links back to the City website for the in-depth information, forms and services
 * (APM "City Website" 3). Without a City link the post cannot be submitted; the fix adds the presence's City
 * page from its registry record (REG-1, "City Website" 1).
 */
export function checkCityLink(text: string, links: readonly FoundLink[], ctx: CheckContext): Finding[] {
  if (links.some((l) => l.city)) return [];
  const domains = ctx.cityWebDomains.join(' or ');
  const page = ctx.cityPageUrl && isCityHost(hostOf(ctx.cityPageUrl), ctx.cityWebDomains) ? ctx.cityPageUrl : undefined;
  return [
    {
      rule: 'POST-2',
      code: 'no-city-link',
      severity: 'blocking',
      message: `Add a link to a City web page (${domains}) where readers find the full details, forms or services. Every City post links back to the City's website.`,
      fix: page ? { kind: 'append', label: "Add the presence's City page", text: appended(text, page) } : undefined,
    },
  ];
}

/** What an append adds: the new text on its own line, unless the post is empty. */
export function appended(text: string, addition: string): string {
  if (text.trim() === '') return addition;
  return /\n\s*$/.test(text) ? addition : `\n\n${addition}`;
}

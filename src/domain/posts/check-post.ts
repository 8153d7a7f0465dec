import { checkImages, checkTextAccessibility } from './accessibility';
import { checkCityLink } from './city-link';
import { checkDisclaimer, EXTERNAL_LINK_DISCLAIMER } from './disclaimer';
import { checkEmergency } from './emergency';
import { checkHashtagCase } from './hashtag-words';
import { findLinks } from './links';
import { checkPlatformLimits } from './platform-limits';
import { checkReadability } from './readability';
import { checkSafety } from './safety';
import type { CheckContext, Finding, PostDraft, Severity, TextRange } from './types';

/**
 * Every check a draft post goes through, on each save and again at submit (issue 11, step 3). Pure: the same
 * draft and context always give the same findings, in this order: policy (POST-4, POST-2, POST-3, POST-5), then
 * the platform, then accessibility; within a rule, in text order.
 */
export function checkPost(draft: PostDraft, ctx: CheckContext): Finding[] {
  const links = findLinks(draft.text, draft.links, ctx.cityWebDomains);
  const linkRanges = links.flatMap((l) => (l.range ? [l.range] : []));
  const disclaimer = disclaimerRange(draft.text);
  return [
    ...checkEmergency(draft.text, draft.emergency, ctx.emergencyPageUrl),
    ...checkCityLink(draft.text, links, ctx),
    ...checkDisclaimer(draft.text, links, ctx.platform),
    ...checkSafety(draft.text, ctx.cityWebDomains),
    ...checkPlatformLimits(draft.text, links, ctx.platform),
    ...checkImages(draft.images),
    ...checkHashtagCase(draft.text),
    ...checkTextAccessibility(draft.text, linkRanges),
    ...checkReadability(draft.text, disclaimer ? [...linkRanges, disclaimer] : linkRanges),
  ];
}

function disclaimerRange(text: string): TextRange | undefined {
  const at = text.indexOf(EXTERNAL_LINK_DISCLAIMER);
  return at < 0 ? undefined : { start: at, end: at + EXTERNAL_LINK_DISCLAIMER.length };
}

/** Submit is allowed when nothing blocks; flags travel to the approver (POST-5, POST-6). */
export const blocking = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'blocking');
export const flags = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'flag');

export const countBySeverity = (findings: readonly Finding[]): Record<Severity, number> => ({
  blocking: blocking(findings).length,
  flag: flags(findings).length,
  warning: findings.filter((f) => f.severity === 'warning').length,
});

import { appended } from './city-link';
import type { FoundLink } from './links';
import type { Finding, PostPlatform } from './types';

/**
 * POST-3 (APM consideration 12): a post with links to external sources carries this disclaimer word for word,
 * curly quotes included, as REQUIREMENTS.md gives it.
 */
export const EXTERNAL_LINK_DISCLAIMER =
  'The City of Madison, Wisconsin is not responsible for the content provided on “related” and “promoted” links that are accessible from this page. All viewers should note that these related links, videos, content and comments expressed on them do not reflect the opinions and position of City of Madison government or its officers and employees.';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The disclaimer with any quote marks and any spacing: finds a near copy so the fix can replace it. */
const NEAR_COPY = new RegExp(
  EXTERNAL_LINK_DISCLAIMER.split(/\s+/)
    .map((w) => escape(w).replace(/[“”]/g, `["'“”‘’]`))
    .join('\\s+'),
  'i',
);

/** The disclaimer alone is longer than an X post: say so rather than offer a fix that cannot fit. */
const X_ADVICE = ' On X the disclaimer alone is longer than a post, so link to a City page that links onward instead.';

export function checkDisclaimer(text: string, links: readonly FoundLink[], platform?: PostPlatform): Finding[] {
  const external = links.find((l) => l.host !== null && !l.city);
  if (!external || text.includes(EXTERNAL_LINK_DISCLAIMER)) return [];
  const where = external.raw.length > 60 ? `${external.raw.slice(0, 57)}…` : external.raw;
  const near = NEAR_COPY.exec(text);
  if (near) {
    const range = { start: near.index, end: near.index + near[0].length };
    return [
      {
        rule: 'POST-3',
        code: 'disclaimer-not-exact',
        severity: 'blocking',
        message: 'The disclaimer must read exactly as the City policy gives it, with curly quotes around “related” and “promoted”. Replace it with the exact wording.',
        range,
        fix: { kind: 'replace', label: 'Use the exact disclaimer', range, expected: near[0], text: EXTERNAL_LINK_DISCLAIMER },
      },
    ];
  }
  return [
    {
      rule: 'POST-3',
      code: 'disclaimer-missing',
      severity: 'blocking',
      message: `This post links outside the City's website (${where}), so it must carry the City's disclaimer about external links, word for word.${platform === 'x' ? X_ADVICE : ''}`,
      range: external.range,
      field: external.fieldIndex === undefined ? undefined : `links.${external.fieldIndex}`,
      fix: { kind: 'append', label: 'Add the disclaimer', text: appended(text, EXTERNAL_LINK_DISCLAIMER) },
    },
  ];
}

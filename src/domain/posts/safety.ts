import { isCityHost } from './links';
import type { Finding, TextRange } from './types';

/**
 * POST-5 (APM consideration 11): nothing that would compromise the health, safety or security of a person, group,
 * organization, building or facility. These are flags, not blocks: a City office's number or a public event's
 * address is fine, so the approver sees each flag and gives a reason to approve anyway.
 */
type Hit = { code: string; range: TextRange; message: string };

// North American numbers, with or without +1, brackets, dots, dashes or spaces.
const PHONE = /(?<![\p{N}])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\p{N}])/gu;
// Bounded as RFC 5321 bounds them (64 before the @, 63 per label), which also keeps a long run of letters fast.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@([\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+)/gu;
const STREET =
  /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\p{L}'’.-]*\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Ct|Court|Blvd|Boulevard|Way|Pl|Place|Cir|Circle|Ter|Terrace|Pkwy|Parkway|Trl|Trail)\b\.?/gu;
const HOME_CUE = /\b(?:lives?|living|home|house|residence|resident|apartment|apt|unit\s*#?\s*\d|his place|her place|their place)\b/i;
const ACCESS_CODE = /\b(?:door|gate|alarm|keypad|lock\s?box|entry|access|building|garage|key\s?safe)\s+(?:code|pin|combination|combo|password)s?\b/giu;
const SCHEDULE =
  /\b(?:patrol(?:s|led|ling)?\s+(?:schedule|route|times?|hours|shifts?)|(?:staffing|guard|security|officer|staff)\s+(?:schedule|rotation|shift\s+change)s?|shift\s+changes?\s+at|(?:unstaffed|unattended|unguarded|unlocked|no\s+(?:staff|guards?|officers?|one)\s+on\s+(?:duty|site))\s+(?:from|between|after|until|overnight|at\s+night))\b/giu;
const CHILD_NAMED =
  /\b(?:(?:son|daughter|child|kid|boy|girl|student|camper|toddler|grandson|granddaughter|niece|nephew)\s+[A-Z][\p{L}'’-]+|[A-Z][\p{L}'’-]+,?\s+(?:\(\s*)?(?:age\s+)?\d{1,2}(?:\s*\)|,)|\d{1,2}[\s-]years?[\s-]old\s+[A-Z][\p{L}'’-]+|[A-Z][\p{L}'’-]+,?\s+(?:a|an)\s+\d{1,2}[\s-]years?[\s-]old)/gu;
const PLACE = /\b(?:school|elementary|daycare|day care|preschool|playground|park|pool|camp|library|center|centre|academy|bus stop)\b|\b(?:at|attends|goes to)\s+(?:the\s+)?[A-Z]/u;

const SENTENCE_END = /[.!?\n]/;

function sentenceAround(text: string, r: TextRange): string {
  let s = r.start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = r.end;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  return text.slice(s, e);
}

const rangeOf = (m: RegExpMatchArray): TextRange => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });

function hits(text: string, cityWebDomains: readonly string[]): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(PHONE))
    out.push({ code: 'phone-number', range: rangeOf(m), message: `A phone number (${m[0].trim()}): if it is a private person's, remove it. A City office's number is fine; say so to the approver.` });
  for (const m of text.matchAll(EMAIL)) {
    if (isCityHost(m[1], cityWebDomains)) continue;
    out.push({ code: 'email-address', range: rangeOf(m), message: `An e-mail address outside the City (${m[0]}): if it is a private person's, remove it.` });
  }
  for (const m of text.matchAll(STREET)) {
    if (!HOME_CUE.test(sentenceAround(text, rangeOf(m)))) continue;
    out.push({ code: 'home-address', range: rangeOf(m), message: `This looks like someone's home address (${m[0].trim()}). Do not publish where a private person lives.` });
  }
  for (const m of text.matchAll(ACCESS_CODE))
    out.push({ code: 'access-code', range: rangeOf(m), message: `Mentions a ${m[0].toLowerCase()}. Never publish door, gate or alarm codes; anyone could use them.` });
  for (const m of text.matchAll(SCHEDULE))
    out.push({ code: 'staffing-schedule', range: rangeOf(m), message: `Describes staffing, patrols or when a place is left unattended (“${m[0]}”). That tells people when a building or facility is unprotected.` });
  for (const m of text.matchAll(CHILD_NAMED)) {
    if (!PLACE.test(sentenceAround(text, rangeOf(m)))) continue;
    out.push({ code: 'child-and-place', range: rangeOf(m), message: `Names a child together with a place (“${m[0].trim()}”). Leave out the child's name or where they can be found.` });
  }
  return out;
}

export function checkSafety(text: string, cityWebDomains: readonly string[]): Finding[] {
  return hits(text, cityWebDomains)
    .sort((a, b) => a.range.start - b.range.start)
    .map((h) => ({ rule: 'POST-5', code: h.code, severity: 'flag', range: h.range, message: `${h.message} The approver must give a reason to approve it as it is.` }));
}

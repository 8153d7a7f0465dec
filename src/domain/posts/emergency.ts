import { EMERGENCY_VOCABULARY } from './emergency-vocabulary';
import type { Finding, TextRange } from './types';

/**
 * POST-4 ("City Website" 6): emergency information is never posted directly to social media. It is released on
 * the City website's emergency page and pushed out from there. A draft declared as emergency information, or
 * whose text uses the emergency vocabulary, is refused with that page's address. There is no fix to offer.
 */
const MATCHERS = EMERGENCY_VOCABULARY.map((t) => ({ label: t.label, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${t.pattern})(?![\\p{L}\\p{N}])`, 'giu') }));

export type EmergencyMatch = { readonly label: string; readonly range: TextRange; readonly text: string };

export function findEmergencyTerms(text: string): EmergencyMatch[] {
  const found: EmergencyMatch[] = [];
  for (const { label, re } of MATCHERS) {
    for (const m of text.matchAll(re)) found.push({ label, range: { start: m.index, end: m.index + m[0].length }, text: m[0] });
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

const whereItGoes = (url: string) =>
  `Emergency information is released on the City website's emergency page (${url}) and pushed out from there, never posted directly to social media.`;

export function checkEmergency(text: string, declared: boolean, emergencyPageUrl: string): Finding[] {
  const findings: Finding[] = [];
  if (declared) {
    findings.push({ rule: 'POST-4', code: 'emergency-declared', severity: 'blocking', field: 'emergency', message: `You marked this as emergency information. ${whereItGoes(emergencyPageUrl)}` });
  }
  for (const m of findEmergencyTerms(text)) {
    findings.push({
      rule: 'POST-4',
      code: 'emergency-wording',
      severity: 'blocking',
      range: m.range,
      message: `“${m.text}” reads as emergency information. ${whereItGoes(emergencyPageUrl)} If this is not an emergency, reword it.`,
    });
  }
  return findings;
}

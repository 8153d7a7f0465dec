/**
 * POST-4: words and phrases that mark emergency information, which the City releases through its website's
 * emergency page and never posts directly ("City Website" 6). The one list to edit when the City adds a term.
 *
 * Each pattern is a regular expression source, matched case-insensitively at word boundaries; `[\s-]+` lets a
 * phrase be written with spaces or hyphens ("boil-water", "boil water").
 */
export type EmergencyTerm = { readonly label: string; readonly pattern: string };

export const EMERGENCY_VOCABULARY: readonly EmergencyTerm[] = [
  { label: 'evacuate', pattern: 'evacuat(?:e|es|ed|ing|ion|ions)' },
  { label: 'shelter in place', pattern: 'shelter(?:ing)?[\\s-]+in[\\s-]+place' },
  { label: 'take shelter', pattern: '(?:take|seek)[\\s-]+shelter' },
  { label: 'boil-water', pattern: 'boil[\\s-]+(?:your[\\s-]+)?water' },
  { label: 'do not drink the water', pattern: "(?:do[\\s-]+not|don['’]t)[\\s-]+drink[\\s-]+the[\\s-]+(?:tap[\\s-]+)?water" },
  { label: 'tornado warning', pattern: 'tornado[\\s-]+(?:warning|emergency)' },
  { label: 'flood warning', pattern: '(?:flash[\\s-]+)?flood[\\s-]+(?:warning|emergency)' },
  { label: 'severe weather warning', pattern: '(?:severe[\\s-]+thunderstorm|blizzard|ice[\\s-]+storm|winter[\\s-]+storm|extreme[\\s-]+cold|excessive[\\s-]+heat)[\\s-]+warning' },
  { label: 'active threat', pattern: 'active[\\s-]+(?:threat|shooter|assailant|attacker)' },
  { label: 'lockdown', pattern: 'lock[\\s-]?down' },
  { label: 'gas leak', pattern: 'gas[\\s-]+leak' },
  { label: 'hazardous materials', pattern: 'hazardous[\\s-]+(?:materials?|chemicals?)[\\s-]+(?:spill|release|leak|incident)|haz[\\s-]?mat' },
  { label: 'road closed due to …', pattern: '(?:roads?|streets?|highways?|bridges?)[\\s-]+(?:is[\\s-]+|are[\\s-]+)?closed[\\s-]+(?:due[\\s-]+to|because[\\s-]+of)' },
  { label: 'state of emergency', pattern: '(?:state|declaration)[\\s-]+of[\\s-]+(?:an?[\\s-]+)?emergency' },
  { label: 'AMBER alert', pattern: 'amber[\\s-]+alert' },
];

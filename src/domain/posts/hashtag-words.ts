import twitter from 'twitter-text';
import { LOCAL_WORDS } from './local-words';
import type { Finding } from './types';

// English words ranked by frequency, from the wordninja project as packaged by `wordsninja` (MIT). We use only
// its word list: the package's own splitter keeps the costs in a plain object ("constructor" would hit its prototype).
const WORDS: readonly string[] = require('wordsninja/words-en.json');

/** Zipf's law: a word's cost is the log of its rank; the cheapest split of a run of letters is the likeliest. */
const rankCost = (rank: number) => Math.log((rank + 1) * Math.log(WORDS.length));
const COST = new Map<string, number>(WORDS.map((w, i) => [w, rankCost(i)]));
// Local names weigh as a common word would, so they win over splits into rare short words.
for (const w of LOCAL_WORDS) COST.set(w, Math.min(COST.get(w) ?? Infinity, rankCost(500)));
let LONGEST = 0;
for (const w of COST.keys()) LONGEST = Math.max(LONGEST, w.length);

/** The likeliest words in a run of lower-case letters, or null when part of it is no known word. */
export function splitWords(run: string): string[] | null {
  const best: { cost: number; from: number }[] = [{ cost: 0, from: 0 }];
  for (let i = 1; i <= run.length; i++) {
    let pick = { cost: Infinity, from: -1 };
    for (let k = Math.max(0, i - LONGEST); k < i; k++) {
      const c = COST.get(run.slice(k, i));
      if (c !== undefined && best[k].cost + c < pick.cost) pick = { cost: best[k].cost + c, from: k };
    }
    best.push(pick);
  }
  if (best[run.length].cost === Infinity) return null;
  const words: string[] = [];
  for (let i = run.length; i > 0; i = best[i].from) words.unshift(run.slice(best[i].from, i));
  return words;
}

/** Many tiny parts mean the split is a guess ("lake mon on a"), not the words the author meant. */
const plausible = (words: string[]) => words.every((w) => w.length > 1 || w === 'a') && lettersPerWord(words) >= 3;
const lettersPerWord = (words: string[]) => words.join('').length / words.length;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Screen readers read `#parksandrec` as one long word, and people with dyslexia stumble on it; `#ParksAndRec`
 * is read word by word (WCAG 2.1 AA, ADA Title II 2024). Only tags all in one case are checked, and only when
 * every part is a known word, so a place name such as #Olbrich is left alone.
 */
export function checkHashtagCase(text: string): Finding[] {
  const out: Finding[] = [];
  for (const tag of twitter.extractHashtagsWithIndices(text)) {
    const body = tag.hashtag;
    if (!/^[a-z]+$/.test(body) && !/^[A-Z]+$/.test(body)) continue;
    const lower = body.toLowerCase();
    if (COST.has(lower)) continue;
    const words = splitWords(lower);
    if (!words || words.length < 2 || !plausible(words)) continue;
    const [start, end] = tag.indices;
    const expected = text.slice(start, end);
    const better = `${expected.charAt(0)}${words.map(cap).join('')}`;
    out.push({
      rule: 'A11Y',
      code: 'hashtag-case',
      severity: 'warning',
      range: { start, end },
      message: `Write multi-word hashtags with a capital for each word (${better}) so screen readers read them as words.`,
      fix: { kind: 'replace', label: `Use ${better}`, range: { start, end }, expected, text: better },
    });
  }
  return out;
}

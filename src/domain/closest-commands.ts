import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean ...?" (issue 10): the commands closest to what a person typed, by edit distance on the whole phrase
 * and word by word, so a typo ("my reqeusts"), a dropped word ("file policy") and an alias ("new account") all
 * land. fastest-levenshtein does the distance (a small, well-used library); the scoring here is ours.
 */
export interface Candidate<K> {
  key: K;
  /** The command itself, then other ways people say it. */
  phrases: string[];
}

const FILLER = new Set(['a', 'an', 'the', 'our', 'to', 'for', 'of', 'please', 'i', 'want', 'can', 'you', 'me', 'how', 'do']);

export const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
const words = (s: string) => normalize(s).split(' ').filter((w) => w && !FILLER.has(w));
const closeness = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length, 1);

/** How alike two phrases are, 0..1: the better of the whole phrase and the share of words that match. */
export function similarity(said: string, phrase: string): number {
  const whole = closeness(normalize(said), normalize(phrase));
  const a = words(said);
  const b = words(phrase);
  if (!a.length || !b.length) return whole;
  const matched = a.filter((w) => b.some((x) => closeness(w, x) >= 0.7)).length;
  const byWords = matched / Math.max(a.length, b.length);
  return Math.max(whole, byWords);
}

/** The best few keys at or above `min`, best first; each key once, scored by its closest phrase. */
export function closestCommands<K>(said: string, candidates: Array<Candidate<K>>, max = 3, min = 0.5): K[] {
  if (!normalize(said)) return [];
  return candidates
    .map((c) => ({ key: c.key, score: Math.max(...c.phrases.map((p) => similarity(said, p))) }))
    .filter((c) => c.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, max)
    .map((c) => c.key);
}

import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { Finding, TextRange } from './types';

/**
 * Plain language (WCAG 2.1 guidance 3.1.5; the City aims at grade 8 so most residents read a post easily).
 * Flesch-Kincaid grade from wooorm's `flesch-kincaid` formula with `syllable` counts. Words and sentences are
 * found by regular expressions (Intl.Segmenter was ten times slower on a 10,000-character post). Links, hashtags,
 * mentions and the POST-3 disclaimer are left out: the spokesperson cannot simplify them.
 */
export const MAX_READING_GRADE = 8;
/** Below this a grade says more about one long word than about the post. */
export const MIN_WORDS_FOR_GRADE = 20;

/** A word has a letter; "don't", "City's" and "e-mail" are one word each. */
const WORD = /\p{L}[\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*/gu;
/** A sentence ends at . ! ? or …, or at a line break (posts often skip the full stop before one). */
const SENTENCE_END = /[.!?…]+(?=[\s"'”’)\]]|$)|\n+/gu;

/** The text with the given ranges, hashtags and mentions blanked out, so offsets and sentence ends stay put. */
function prose(text: string, skip: readonly TextRange[]): string {
  let out = text;
  for (const r of skip) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out.replace(/[#@][\p{L}\p{N}_]+/gu, (m) => ' '.repeat(m.length));
}

export function readingGrade(text: string, skip: readonly TextRange[] = []): { grade: number; words: number } | null {
  const plain = prose(text, skip);
  const list = plain.match(WORD) ?? [];
  if (list.length < MIN_WORDS_FOR_GRADE) return null;
  const sentenceCount = plain.split(SENTENCE_END).filter((s) => /\p{L}/u.test(s)).length;
  // Posts repeat words; counting each distinct word once keeps a 10,000-character post fast.
  const counted = new Map<string, number>();
  const syllablesOf = (w: string) => counted.get(w) ?? counted.set(w, Math.max(1, syllable(w))).get(w)!;
  const syllables = list.reduce((n, w) => n + syllablesOf(w.toLowerCase()), 0);
  const grade = fleschKincaid({ sentence: Math.max(1, sentenceCount), word: list.length, syllable: syllables });
  return { grade: Math.round(grade * 10) / 10, words: list.length };
}

export function checkReadability(text: string, skip: readonly TextRange[]): Finding[] {
  const r = readingGrade(text, skip);
  if (!r || r.grade <= MAX_READING_GRADE) return [];
  return [
    {
      rule: 'A11Y',
      code: 'reading-grade',
      severity: 'warning',
      message: `Reads at US grade ${r.grade.toFixed(1)}; aim for grade ${MAX_READING_GRADE} or below. Use shorter sentences and everyday words.`,
    },
  ];
}

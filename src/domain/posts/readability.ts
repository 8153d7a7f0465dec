import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { Finding, TextRange } from './types';

/**
 * Plain language (WCAG 2.1 guidance 3.1.5; the City aims at grade 8 so most residents read a post easily).
 * Flesch-Kincaid grade from wooorm's `flesch-kincaid` formula with `syllable` counts; words and sentences are
 * split by the platform's own Intl.Segmenter. Links, hashtags, mentions and the POST-3 disclaimer are left out:
 * the spokesperson cannot simplify them.
 */
export const MAX_READING_GRADE = 8;
/** Below this a grade says more about one long word than about the post. */
export const MIN_WORDS_FOR_GRADE = 20;

const words = new Intl.Segmenter('en', { granularity: 'word' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The text with the given ranges, hashtags and mentions blanked out, so offsets and sentence ends stay put. */
function prose(text: string, skip: readonly TextRange[]): string {
  let out = text;
  for (const r of skip) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out.replace(/[#@][\p{L}\p{N}_]+/gu, (m) => ' '.repeat(m.length));
}

export function readingGrade(text: string, skip: readonly TextRange[] = []): { grade: number; words: number } | null {
  const plain = prose(text, skip);
  const list = [...words.segment(plain)].filter((s) => s.isWordLike && /\p{L}/u.test(s.segment)).map((s) => s.segment);
  if (list.length < MIN_WORDS_FOR_GRADE) return null;
  const sentenceCount = [...sentences.segment(plain)].filter((s) => /\p{L}/u.test(s.segment)).length;
  const syllables = list.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
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

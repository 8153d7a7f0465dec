import type { Finding, PostImage, TextRange } from './types';

/**
 * Accessible to everyone: the ADA Title II rule of 2024 holds a City's web content and social media posts to
 * WCAG 2.1 AA. Missing alt text blocks (WCAG 1.1.1); the rest are warnings about how screen readers and
 * people with reading difficulties meet the post. Hashtag case and reading grade have files of their own.
 */

/** Alt text that only names the file or says "image" describes nothing. */
const PLACEHOLDER_ALT = /^(?:image|photo|picture|pic|graphic|img|screenshot|untitled|alt|[\w-]+\.(?:jpe?g|png|gif|webp|heic))$/i;

export function checkImages(images: readonly PostImage[]): Finding[] {
  const out: Finding[] = [];
  images.forEach((img, i) => {
    const alt = img.alt.trim();
    const which = images.length > 1 ? `Image ${i + 1}` : 'The image';
    if (alt === '') {
      out.push({ rule: 'A11Y', code: 'alt-text-missing', severity: 'blocking', field: `images.${i}.alt`, message: `${which} needs alt text: describe what it shows for people who cannot see it.` });
    } else if (PLACEHOLDER_ALT.test(alt)) {
      out.push({ rule: 'A11Y', code: 'alt-text-placeholder', severity: 'warning', field: `images.${i}.alt`, message: `${which}'s alt text (“${alt}”) does not describe it. Say what the picture shows.` });
    }
  });
  return out;
}

const EMOJI = '\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier}|\\u200D\\p{Extended_Pictographic}\\uFE0F?)*';
/** Three or more emoji in a row: a screen reader reads out the name of every one. */
const EMOJI_RUN = new RegExp(`(?:${EMOJI}\\s*){2,}${EMOJI}`, 'gu');
/** Upper-case words of three letters or more; short ones are usually acronyms (ADA, MGO). */
const CAPS_WORD = /(?<![\p{L}\p{N}#@/])\p{Lu}{3,}(?![\p{L}\p{N}])/gu;
const CLICK_HERE = /\b(?:click|tap|press)\s+(?:here|this(?:\s+link)?|the\s+link(?:\s+below)?)\b|\blink\s+below\b/giu;

const rangeOf = (m: RegExpMatchArray): TextRange => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });

function capsRuns(text: string): TextRange[] {
  const words = [...text.matchAll(CAPS_WORD)].map(rangeOf);
  const runs: TextRange[] = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    if (last && /^\s+$/.test(text.slice(last.end, w.start))) runs[runs.length - 1] = { start: last.start, end: w.end };
    else runs.push(w);
  }
  // One short capitalised word is an acronym; five letters or a run of words is shouting.
  return runs.filter((r) => r.end - r.start >= 5 || /\s/.test(text.slice(r.start, r.end)));
}

const sentenceCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function checkTextAccessibility(text: string, masked: readonly TextRange[]): Finding[] {
  const inMasked = (r: TextRange) => masked.some((m) => r.start < m.end && m.start < r.end);
  const out: Finding[] = [];
  for (const m of text.matchAll(EMOJI_RUN)) {
    out.push({ rule: 'A11Y', code: 'emoji-run', severity: 'warning', range: rangeOf(m), message: 'Several emoji in a row: screen readers read out the name of each one. Keep one, or put them at the end.' });
  }
  for (const r of capsRuns(text)) {
    if (inMasked(r)) continue;
    const expected = text.slice(r.start, r.end);
    const better = sentenceCase(expected);
    out.push({ rule: 'A11Y', code: 'all-caps', severity: 'warning', range: r, message: `“${expected}” is in capitals: harder to read, and some screen readers spell it letter by letter.`, fix: { kind: 'replace', label: `Write “${better}”`, range: r, expected, text: better } });
  }
  for (const m of text.matchAll(CLICK_HERE)) {
    out.push({ rule: 'A11Y', code: 'click-here', severity: 'warning', range: rangeOf(m), message: `“${m[0]}” does not say where a link goes. Say what the reader finds there, like “See the pool schedule at …”.` });
  }
  return out;
}

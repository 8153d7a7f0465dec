/** Text that fits a phone's line (issue 19, CARDS.md "On a phone"): plain string functions, no card types. */

/**
 * For FactSet values: a word longer than a phone's line (a handle, an id) runs past the card's edge, where Teams
 * clips it. Zero-width spaces let it wrap; links show a short label and keep the whole address one click away.
 * Only for display: text a person copies (a notice to paste, a login) never goes through this.
 */
export function phoneSafe(value: string): string {
  return value
    .split(/(\s+)/)
    .map((w) => {
      if (w.length <= 30 || w.includes('](')) return w;
      if (/^https?:\/\/\S+$/.test(w)) return `[${shortUrl(w)}](${w})`;
      return w.replace(/(.{20})/g, '$1\u200b');
    })
    .join('');
}

function shortUrl(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/, '');
  return bare.length <= 28 ? bare : `${bare.slice(0, 26)}...`;
}

/** The start of a long answer, cut at a word, for one-line-per-point summaries; the whole text sits behind a toggle. */
export function preview(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  // A link keeps its whole address: phoneSafe shows it short, and it still opens the page.
  if (flat.length <= max || /^https?:\/\/\S+$/.test(flat)) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}...`;
}


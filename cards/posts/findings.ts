import { actionSet, container, execute, heading, text, type Element } from '../common/elements';
import type { FindingView } from '../../src/services/posts/post-views';

const LABELS = { blocking: 'Must fix', flag: 'Safety flag, the approver decides', warning: 'Advice' } as const;
// A fix button on Teams' dark "attention" background reads 1.5:1 (issue 19): groups with buttons stay neutral, the
// words ("Must fix") say what the colour said.
const STYLES = { blocking: 'emphasis', flag: 'warning', warning: 'emphasis' } as const;
/** Enough to act on, and the card stays under 24 KB however many hashtags or emoji runs a post has (CARDS.md). */
export const MAX_FINDINGS_SHOWN = 6;
const MAX_MESSAGE = 200;
export const cut = (s: string, max = MAX_MESSAGE) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The checks beside the post (ADR 0009), grouped by severity in words, each with its policy ID. With `fixFor`, a
 * finding that has a fix gets its button: the data names the post, its version and the finding, never the fix.
 */
export function findingsSection(findings: readonly FindingView[], fixFor?: { postId: string; version: number }): Element[] {
  if (!findings.length) return [heading('Checks'), text('Every check passed: a link to a City page, no emergency information, nothing unsafe, within the platform\'s limits, accessible.')];
  const out: Element[] = [heading('Checks')];
  const shown = findings.slice(0, MAX_FINDINGS_SHOWN);
  for (const severity of ['blocking', 'flag', 'warning'] as const) {
    const group = shown.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const total = findings.filter((f) => f.severity === severity).length;
    const items: Element[] = [text(`${LABELS[severity]} (${total})`, { weight: 'Bolder' })];
    for (const f of group) {
      items.push(text(`${f.rule === 'A11Y' ? 'Accessibility' : f.rule === 'PLATFORM' ? 'Platform' : f.rule}: ${cut(f.message)}`, { size: 'Small' }));
      if (fixFor && f.fixLabel) items.push(actionSet([execute(f.fixLabel.slice(0, 40), { verb: 'post.fix', postId: fixFor.postId, version: fixFor.version, code: f.code, index: f.index })]));
    }
    out.push(container(items, STYLES[severity]));
  }
  if (findings.length > shown.length) out.push(text(`And ${findings.length - shown.length} more of the same kinds: fix these first and check again.`, { size: 'Small' }));
  return out;
}

/** The latest approval rounds, one line each; older ones are counted (every round stays on record). */
export function roundLinesText(rounds: ReadonlyArray<{ round: number; outcome: string; by?: string; at?: string; reason?: string }>, keep = 3, reasonMax = 300): string[] {
  const shown = rounds.slice(-keep).map((r) => `Round ${r.round}: ${r.outcome}${r.by ? ` by ${r.by}` : ''}${r.at ? ` on ${r.at}` : ''}${r.reason ? `: ${cut(r.reason, reasonMax)}` : ''}`);
  return rounds.length > keep ? [`${rounds.length - keep} earlier round${rounds.length - keep > 1 ? 's' : ''}, kept on record`, ...shown] : shown;
}

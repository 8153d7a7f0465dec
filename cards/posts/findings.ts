import { actionSet, container, execute, heading, text, type Element } from '../common/elements';
import type { FindingView } from '../../src/services/posts/post-views';

const LABELS = { blocking: 'Must fix', flag: 'Safety flag, the approver decides', warning: 'Advice' } as const;
const STYLES = { blocking: 'attention', flag: 'warning', warning: 'emphasis' } as const;

/**
 * The checks beside the post (ADR 0009), grouped by severity in words, each with its policy ID. With `fixFor`, a
 * finding that has a fix gets its button: the data names the post, its version and the finding, never the fix.
 */
export function findingsSection(findings: readonly FindingView[], fixFor?: { postId: string; version: number }): Element[] {
  if (!findings.length) return [heading('Checks'), text('Every check passed: a link to a City page, no emergency information, nothing unsafe, within the platform\'s limits, accessible.')];
  const out: Element[] = [heading('Checks')];
  for (const severity of ['blocking', 'flag', 'warning'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const items: Element[] = [text(`${LABELS[severity]} (${group.length})`, { weight: 'Bolder' })];
    for (const f of group) {
      items.push(text(`${f.rule === 'A11Y' ? 'Accessibility' : f.rule === 'PLATFORM' ? 'Platform' : f.rule}: ${f.message}`, { size: 'Small' }));
      if (fixFor && f.fixLabel) items.push(actionSet([execute(f.fixLabel.slice(0, 40), { verb: 'post.fix', postId: fixFor.postId, version: fixFor.version, code: f.code, index: f.index })]));
    }
    out.push(container(items, STYLES[severity]));
  }
  return out;
}

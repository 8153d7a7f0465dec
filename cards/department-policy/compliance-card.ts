import type { Verb } from '../../src/verbs';
import { card, execute, facts, status, text, title } from '../common/elements';

import type { ComplianceRow } from '../../src/services/policy/compliance';

export type { ComplianceRow };

/** POL-3: every department's policy at a glance (or one department's, with its next step). */
export function complianceCard(v: { rows: ComplianceRow[]; scope: 'all' | 'own'; counts?: string; nextStep?: { title: string; verb: Verb; data?: Record<string, unknown> } }) {
  return card(
    [
      title('Department social media policies'),
      status(v.counts ?? (v.scope === 'all' ? 'Every department, and where its policy stands.' : "Where your department's policy stands.")),
      facts(v.rows.map((r) => [r.department, [r.state, ...r.flags].join('. ')])),
      text('The APM asked every department to file by January 1, 2013. A policy is out of date when the department opened a presence after it was acknowledged.', { subtle: true, size: 'Small' }),
    ],
    [v.nextStep && execute(v.nextStep.title, { verb: v.nextStep.verb, ...v.nextStep.data }, 'positive'), execute('Back to help', { verb: 'help.show' })],
  );
}

import { card, columns, actionSet, execute, status, text, title, type Element } from '../common/elements';

/** Every filed version of a department's policy, newest first; each opens with what changed from the one before. */
export function versionsCard(v: { departmentName: string; rows: Array<{ policyId: string; number: number; status: string; filed: string }> }) {
  const rows: Element[] = v.rows.map((r) =>
    columns([
      { items: [text(`Version ${r.number}`, { weight: 'Bolder' }), text(`${r.status} · filed ${r.filed}`, { subtle: true, size: 'Small' })] },
      { width: 'auto', items: [actionSet([execute('View', { verb: 'policy.version', policyId: r.policyId })])] },
    ]),
  );
  return card([title(`${v.departmentName}: policy versions`), status(v.rows.length ? 'Newest first. Earlier versions are kept.' : 'No version has been filed yet.'), ...rows], [execute('Back to help', { verb: 'help.show' })]);
}

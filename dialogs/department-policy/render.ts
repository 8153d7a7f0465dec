import type { PolicyDocData, PolicyScreen } from '../../src/services/policy/policy-reads';
import { execute, openUrl, type Action } from '../../cards/common/elements';
import { policyStepCard } from '../../cards/department-policy/policy-step-card';
import { policyDocumentCard } from '../../cards/department-policy/policy-document-card';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';
import { doneCard } from '../../cards/common/done-card';

/** A screen of "file our policy" as its card; the buttons depend on the screen. */
export function renderPolicy(s: PolicyScreen) {
  switch (s.screen) {
    case 'picker':
      return departmentPickerCard(s.view);
    case 'step':
      return policyStepCard(s.view);
    case 'summary':
      return policyDocumentCard({ ...s.view, actions: [execute("File with the Mayor's Office", { verb: 'policy.file', policyId: s.view.policyId }, 'positive')] });
    case 'filed':
      return policyDocumentCard({ ...s.view, actions: [execute('Policy status', { verb: 'policy.status' })] });
    case 'done':
      return doneCard(s.view);
  }
}

/** A filed version for a reader: the document link when they may have it, all versions, and help. */
export function renderVersion(v: PolicyDocData) {
  const actions: Array<Action | undefined> = [
    v.reviewable ? execute('Open to decide', { verb: 'policy.review', policyId: v.policyId }, 'positive') : undefined,
    v.documentUrl ? openUrl('Get as a document', v.documentUrl) : undefined,
    execute('All versions', { verb: 'policy.versions', departmentId: v.departmentId }),
    execute('Back to help', { verb: 'help.show' }),
  ];
  return policyDocumentCard({ ...v, actions: actions.filter((a): a is Action => Boolean(a)) });
}

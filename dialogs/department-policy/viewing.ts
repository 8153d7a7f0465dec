import type { Router } from '../../src/teams/router';
import { currentPolicy, mayReadCompliance, policyCompliance, policyVersion, policyVersions, viewPolicyPicker } from '../../src/services/policy/policy-view-reads';
import { complianceCard } from '../../cards/department-policy/compliance-card';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';
import { versionsCard } from '../../cards/department-policy/versions-card';
import { renderVersion } from './render';

/** POL-2/POL-3: anyone reads a department's current policy and its versions; oversight sees compliance. */
export function registerViewing(router: Router): void {
  router.entry(
    { title: 'Policy status', description: "See which departments have filed their social media policy, and which are missing or out of date.", verb: 'policy.status', command: 'policy status', visible: (actor) => mayReadCompliance(actor) },
    async (turn) => {
      const v = await policyCompliance(turn.services, turn.actor);
      return v.scope === 'all'
        ? complianceCard({ rows: v.rows, scope: 'all', counts: v.counts, nextStep: v.toDecide ? { title: 'Decide filed policies', verb: 'reviews.mine' } : undefined })
        : complianceCard({ rows: v.rows, scope: 'own', nextStep: v.needsWork ? { title: 'File our policy', verb: 'policy.file.start' } : undefined });
    },
  );
  router.entry(
    { title: 'View a policy', description: "Read a department's current social media policy.", verb: 'policy.view.start', command: 'view policy', visible: () => true },
    async (turn) => departmentPickerCard(await viewPolicyPicker(turn.services)),
  );
  router.verb(
    'policy.view',
    async (turn, data) => renderVersion(await currentPolicy(turn.services, turn.actor, data.departmentId)),
    async (turn) => departmentPickerCard(await viewPolicyPicker(turn.services, 'Choose a department')),
  );
  router.verb('policy.versions', async (turn, data) => versionsCard(await policyVersions(turn.services, data.departmentId)), 'This card does not name a department.');
  router.verb('policy.version', async (turn, data) => renderVersion(await policyVersion(turn.services, turn.actor, data.policyId)), 'This card does not name a policy version.');
}

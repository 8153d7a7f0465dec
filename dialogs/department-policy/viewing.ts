import { z } from 'zod';
import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { AppError } from '../../src/errors/app-error';
import { departmentsWhere, hasRole } from '../../src/domain/roles';
import { POLICY_STATUS_LABELS, type PolicyStatus } from '../../src/domain/department-policy';
import { complianceRows } from '../../src/services/policy/compliance';
import { changesSincePrevious, policyDraftOf } from '../../src/services/policy/policy-views';
import { execute, formatWhen, openUrl, type Action } from '../../cards/common/elements';
import { signDocumentPath } from '../../src/records/document-links';
import { mayGetPolicyDocument } from '../../src/domain/policy-document-access';
import { policyDocumentPath } from '../../src/server/document-route';
import { policyDocumentCard } from '../../cards/department-policy/policy-document-card';
import { complianceCard } from '../../cards/department-policy/compliance-card';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';
import { versionsCard } from '../../cards/department-policy/versions-card';

const ZDept = z.object({ departmentId: z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'Choose a department' }).min(1).max(64)) });
const ZVersion = z.object({ policyId: z.string().uuid() });
const seesAll = (turn: Turn) => ['mayors_office', 'it_reviewer', 'it_director', 'admin'].some((r) => hasRole(turn.actor, r as never));


async function viewPicker(turn: Turn, error?: string) {
  const departments = await turn.services.db.department.findMany({ orderBy: { name: 'asc' } });
  return departmentPickerCard({ heading: 'View a department policy', prompt: 'Whose policy do you want to read?', verb: 'policy.view', departments, error });
}

async function versionCard(turn: Turn, policyId: string) {
  const { db, config } = turn.services;
  const policy = await db.departmentPolicy.findUnique({ where: { id: policyId } });
  if (!policy?.number) throw new AppError('NOT_FOUND', 'That policy version does not exist.');
  const dept = await db.department.findUniqueOrThrow({ where: { id: policy.departmentId } });
  const [filer, decider] = await Promise.all([db.person.findUnique({ where: { id: policy.filerId } }), policy.deciderId ? db.person.findUnique({ where: { id: policy.deciderId } }) : null]);
  return policyDocumentCard({
    policyId,
    departmentName: dept.name,
    heading: `${dept.name} social media policy, version ${policy.number}`,
    statusLine: POLICY_STATUS_LABELS[policy.status as PolicyStatus],
    statusColor: policy.status === 'acknowledged' ? 'good' : policy.status === 'returned' ? 'warning' : 'default',
    draft: policyDraftOf(policy.answers),
    meta: [
      ['Filed by', filer?.name],
      ['Filed on', policy.filedAt ? formatWhen(policy.filedAt, config.timeZone) : undefined],
      ['Decided by', decider?.name],
      ['Decided on', policy.decidedAt ? formatWhen(policy.decidedAt, config.timeZone) : undefined],
      ['Comments', policy.comments ?? undefined],
    ],
    changes: await changesSincePrevious(db, policy),
    actions: [
      // The document is for the department's records: its head and policy delegates get the link (POL-1).
      mayGetPolicyDocument(turn.actor, policy) && config.credentialKey && openUrl('Get as a document', `${turn.services.publicUrl()}${signDocumentPath(config.credentialKey, policyDocumentPath(policy.id), turn.actor.personId, new Date())}`),
      execute('All versions', { verb: 'policy.versions', departmentId: policy.departmentId }),
      execute('Back to help', { verb: 'help.show' }),
    ].filter((a): a is Action => Boolean(a)),
  });
}

/** POL-2/POL-3: anyone reads a department's current policy and its versions; oversight sees compliance. */
export function registerViewing(router: Router): void {
  router.entry(
    { title: 'Policy status', description: "See which departments have filed their social media policy, and which are missing or out of date.", verb: 'policy.status', command: 'policy status', visible: () => true },
    async (turn) => {
      const { db, config } = turn.services;
      if (seesAll(turn)) {
        const rows = await complianceRows(db, config.timeZone);
        const done = rows.filter((r) => r.state_ === 'acknowledged').length;
        return complianceCard({ rows, scope: 'all', counts: `${done} of ${rows.length} departments have an acknowledged policy.` });
      }
      const own = departmentsWhere(turn.actor, 'department_head', 'policy_delegate');
      if (!own.length) throw new AppError('NOT_AUTHORIZED', "Policy status is for department heads, the Mayor's Office and IT. Type \"view policy\" to read a department's policy.");
      const rows = await complianceRows(db, config.timeZone, own);
      const needsWork = rows.some((r) => r.state_ !== 'acknowledged' && r.state_ !== 'awaiting');
      return complianceCard({ rows, scope: 'own', nextStep: needsWork ? { title: 'File our policy', verb: 'policy.file.start' } : undefined });
    },
  );
  router.entry(
    { title: 'View a policy', description: "Read a department's current social media policy.", verb: 'policy.view.start', command: 'view policy', visible: () => true },
    (turn) => viewPicker(turn),
  );
  router.verb('policy.view', async (turn, data) => {
    const p = ZDept.safeParse(data);
    if (!p.success) return viewPicker(turn, 'Choose a department');
    const current = await turn.services.db.departmentPolicy.findFirst({ where: { departmentId: p.data.departmentId, status: 'acknowledged' }, orderBy: { number: 'desc' } });
    if (!current) throw new AppError('NOT_FOUND', "That department has no acknowledged policy yet. \"policy status\" shows where each department stands.");
    return versionCard(turn, current.id);
  });
  router.verb('policy.versions', async (turn, data) => {
    const p = ZDept.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a department.');
    const { db, config } = turn.services;
    const dept = await db.department.findUnique({ where: { id: p.data.departmentId } });
    if (!dept) throw new AppError('NOT_FOUND', 'That department is not in the City list.');
    const versions = await db.departmentPolicy.findMany({ where: { departmentId: dept.id, number: { not: null } }, orderBy: { number: 'desc' } });
    return versionsCard({ departmentName: dept.name, rows: versions.map((v) => ({ policyId: v.id, number: v.number!, status: POLICY_STATUS_LABELS[v.status as PolicyStatus], filed: formatWhen(v.filedAt!, config.timeZone) })) });
  });
  router.verb('policy.version', async (turn, data) => {
    const p = ZVersion.safeParse(data);
    if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a policy version.');
    return versionCard(turn, p.data.policyId);
  });
}

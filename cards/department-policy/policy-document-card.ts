import { card, columns, actionSet, confirm, details, execute, facts, heading, longNote, preview, status, text, title, bullets, type Action, type Color, type Element } from '../common/elements';
import { textInput } from '../common/inputs';
import { PERSONAL_USE_RULES, POLICY_POINTS, POLICY_STEPS, type PolicyDraft } from '../../src/domain/policy-points';
import { ownLabel } from '../../src/domain/own-keys';

export interface PolicyDocView {
  policyId: string;
  departmentName: string;
  heading: string;
  statusLine: string;
  statusColor?: Color;
  draft: PolicyDraft;
  meta: Array<[string, string | undefined]>;
  /** Edit buttons per point, and File: the filer's own draft. */
  editable?: boolean;
  problem?: string;
  changes?: string[];
  /** For the Mayor's Office: what to look for, from the APM. */
  checks?: string[];
  actions?: Action[];
  notice?: string;
}

const stepOf = (field: string) => POLICY_STEPS.findIndex((s) => s.includes(field)) + 1;

/**
 * One line per point (issue 19): its start under the title, the whole text shown by tapping the point, so a filed
 * policy stays short and Acknowledge or File stays within two phone screens however long the answers are.
 */
function point(id: string, label: string, body: string | undefined, edit?: Action): Element {
  const full = body?.trim();
  const line = text(full ? preview(full, 50) : 'Not answered yet', { size: 'Small', ...(full ? {} : { weight: 'Bolder' }) });
  const head = edit ? columns([{ items: [heading(label)] }, { width: 'auto', items: [actionSet([edit])] }]) : heading(label);
  if (!full || preview(full, 50) === full) return { type: 'Container', items: [head, line], spacing: 'Small' };
  const briefId = `${id}-brief`;
  return {
    type: 'Container',
    spacing: 'Small',
    items: [head, { type: 'Container', id: briefId, items: [line] }, details(id, [text(full, { size: 'Small' })])],
    selectAction: { type: 'Action.ToggleVisibility', title: `Read ${label}`, targetElements: [id, briefId] },
  };
}

/** A department policy as a readable document; the same card is the filer's summary and the reader's view. */
export function policyDocumentCard(v: PolicyDocView) {
  const edit = (field: string) => (v.editable ? execute('Edit', { verb: 'policy.edit', policyId: v.policyId, step: stepOf(field) }) : undefined);
  const personal = v.draft.personalUse ? ownLabel(PERSONAL_USE_RULES, v.draft.personalUse) : undefined;
  const personalText = v.draft.personalUse === 'limited' && v.draft.personalUseDetail ? `Limited personal use: ${v.draft.personalUseDetail}` : personal;
  return card(
    [
      title(v.heading),
      // A returned version's status carries the Mayor's Office comments (up to 1000 characters, MAX_COMMENTS_LENGTH): their start, then a tap.
      v.statusLine.length > 200 ? longNote('status-line', v.statusLine) : status(v.statusLine, v.statusColor ?? 'default'),
      v.notice ? text(v.notice, { color: 'attention', weight: 'Bolder' }) : null,
      v.problem ? text(v.problem, { color: 'attention', weight: 'Bolder' }) : null,
      facts(v.meta),
      v.changes?.length ? heading('What changed since the last version') : null,
      v.changes?.length ? bullets(v.changes) : null,
      v.checks?.length ? heading('What to check') : null,
      v.checks?.length ? bullets(v.checks) : null,
      v.editable ? null : text('Tap a point to read it in full.', { subtle: true, size: 'Small' }),
      ...POLICY_POINTS.map((p) => point(`point-${p.n}`, `Point ${p.n} · ${p.title}`, v.draft[p.id], edit(p.id))),
      point('point-personal-use', 'Personal use while on duty', personalText, edit('personalUse')),
    ],
    v.actions ?? [],
  );
}

export function decisionActions(policyId: string, commentsError?: string): Action[] {
  return [
    execute('Acknowledge', { verb: 'policy.decide', policyId, decision: 'acknowledge' }, 'positive'),
    confirm(
      'Return with comments',
      [...textInput({ id: 'comments', label: 'What should the department revise?', required: true, multiline: true, placeholder: 'Point 9 needs a named records custodian.', error: commentsError, errorMessage: 'Write your comments' })],
      execute('Return to department', { verb: 'policy.decide', policyId, decision: 'return' }, 'destructive'),
    ),
  ];
}

import { departmentChoices } from '../departments';
import type { Actor } from '../../domain/roles';
import { IN_REVIEW, STATUS_LABELS, STAGE_LABELS, STAGE_OF_STATUS, type RequestStatus, type ReviewStage } from '../../domain/presence-request';
import { STEP_COUNT, type DraftAnswers } from '../../domain/presence-answers';
import { ownLabel } from '../../domain/own-keys';
import { formatWhen } from '../../domain/when';
import { AppError } from '../../errors/app-error';
import type { Db } from '../../store/prisma';
import type { RequestRow } from './request-flow';
import type { FieldErrors } from '../../verbs/parse';
import type { Services } from '../context';
import type { DoneView } from '../done-view';
import type { Section } from './describe-request';
import { describeRequest } from './describe-request';
import { draftOf, lookupsFor } from './request-views';
import { peoplePickerView, type PeoplePickerView } from '../people/find-people';
import { platformLineFor } from './platform-decisions';

export interface RequestStepView {
  requestId: string;
  step: number;
  draft: DraftAnswers;
  errors?: FieldErrors;
  departments: Array<{ id: string; name: string }>;
  /** Step 3 only: how people are chosen, with the chosen ones among the choices. */
  people?: PeoplePickerView;
  /** Names typed in a people input that matched no one (or several), shown again beside the error. */
  typed?: Record<string, string>;
  saved?: boolean;
  returnedReason?: string;
}

export interface RequestSummaryView {
  requestId: string;
  statusLine: string;
  statusColor?: 'default' | 'good' | 'warning' | 'attention';
  sections: Section[];
  editable: boolean;
  problem?: string;
  history: string[];
  canStop?: 'withdraw' | 'cancel' | 'discard';
  /** REQ-7: the IT Director's decision on the platform, as on the IT card. */
  platformLine?: string;
}

/** What the requester sees next: a step of the guided flow, or the summary. */
export type RequestScreen = { screen: 'step'; view: RequestStepView } | { screen: 'summary'; view: RequestSummaryView } | { screen: 'done'; view: DoneView };

type Svc = Pick<Services, 'db' | 'config'>;

/** REQ-1: a request is its requester's alone until it is submitted; nobody else reads it here. */
export async function loadOwnRequest(db: Db, actor: Actor, requestId: string) {
  const req = await db.presenceRequest.findUnique({ where: { id: requestId }, include: { reviews: { orderBy: { createdAt: 'asc' } } } });
  if (!req || req.requesterId !== actor.personId) throw new AppError('NOT_FOUND', 'That request is not one of yours. Type "my requests" to see yours.');
  return req;
}

export async function requestStep(
  svc: Svc,
  actor: Actor,
  requestId: string,
  step: number,
  extra: { draft?: DraftAnswers; errors?: FieldErrors; saved?: boolean; typed?: Record<string, string>; record?: RequestRow } = {},
): Promise<RequestScreen> {
  const { db, config } = svc;
  // Just saved, in a transaction that checked it is this requester's: read again only for a returned request, whose
  // step shows the reviewer's reason (the reviews are needed for nothing else here).
  const saved = extra.record?.id === requestId && extra.record.requesterId === actor.personId && extra.record.status !== 'returned' ? extra.record : undefined;
  const loaded = saved ? undefined : await loadOwnRequest(db, actor, requestId);
  const req = saved ?? loaded!;
  const draft = extra.draft ?? draftOf(req.answers);
  const chosen = [draft.approverId, ...(draft.spokespersonIds?.split(',') ?? [])].filter((x): x is string => Boolean(x?.trim())).map((s) => s.trim());
  // Each list only on the step that offers it; people never as a whole list (issue 10: a City of 3,000).
  const [departments, people] = await Promise.all([
    step === 1 ? departmentChoices(db, { subunits: true }) : [],
    step === 3 ? peoplePickerView(db, config.peoplePicker, chosen) : undefined,
  ]);
  const lastReturn = loaded?.reviews.filter((r) => r.status === 'rejected').sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
  const returnedReason = req.status === 'returned' ? lastReturn?.reason ?? undefined : undefined;
  return { screen: 'step', view: { requestId, step, draft, departments, people, typed: extra.typed, returnedReason, errors: extra.errors, saved: extra.saved } };
}

/** The requester's view: the summary with Edit and Submit while editable, the state and history otherwise. */
export async function requestSummary(svc: Svc, actor: Actor, requestId: string, problem?: string): Promise<RequestScreen> {
  const { db, config } = svc;
  const req = await loadOwnRequest(db, actor, requestId);
  const draft = draftOf(req.answers);
  const status = req.status as RequestStatus;
  const editable = status === 'draft' || status === 'returned';
  const deciders = new Map((await db.person.findMany({ where: { id: { in: req.reviews.map((r) => r.deciderId ?? '') } } })).map((p) => [p.id, p.name]));
  const history = req.reviews
    .filter((r) => r.decidedAt)
    .reverse()
    .map((r) => `Round ${r.round}, ${ownLabel(STAGE_LABELS, r.stage as ReviewStage)}: ${r.status === 'approved' ? 'approved' : r.status === 'rejected' ? 'returned' : r.status} by ${r.status === 'withdrawn' ? 'you' : deciders.get(r.deciderId ?? '') ?? 'unknown'}, ${formatWhen(r.decidedAt!, config.timeZone)}${r.reason ? `: ${r.reason}` : ''}`);
  return {
    screen: 'summary',
    view: {
      requestId,
      statusLine: editable && !problem ? (status === 'returned' ? 'Returned to you: edit what the reviewer asked, then submit again.' : 'Check your answers, then submit for review. Your approving authority approves it first, then IT, then the City Attorney.') : inReviewLine(status, req.submittedAt, config.timeZone),
      statusColor: status === 'approved' ? 'good' : status === 'returned' ? 'warning' : 'default',
      sections: describeRequest(draft, await lookupsFor(db, draft)),
      editable,
      problem,
      history,
      canStop: IN_REVIEW.includes(status) ? 'withdraw' : status === 'draft' ? 'discard' : editable ? 'cancel' : undefined,
      platformLine: (await platformLineFor(db, draft, config.timeZone))?.text,
    },
  };
}

/** After submitting, say plainly where it went and what happens next. */
function inReviewLine(status: RequestStatus, submittedAt: Date | null, timeZone: string): string {
  const stage = STAGE_OF_STATUS[status];
  if (stage && submittedAt) {
    const where = stage === 'authority' ? 'your approving authority' : ownLabel(STAGE_LABELS, stage);
    return `Sent to ${where} (submitted ${formatWhen(submittedAt, timeZone)}). You will get a message here when they decide.`;
  }
  return ownLabel(STATUS_LABELS, status);
}

/** A draft resumes at the step it was left on; a returned or finished request opens on its summary. */
export async function openRequest(svc: Svc, actor: Actor, requestId: string): Promise<RequestScreen> {
  const req = await loadOwnRequest(svc.db, actor, requestId);
  if (req.status === 'draft' && req.step <= STEP_COUNT) return requestStep(svc, actor, req.id, req.step);
  return requestSummary(svc, actor, req.id);
}

/** Edit from the summary: the step while the request is editable, else the summary as it now stands. */
export async function editRequestStep(svc: Svc, actor: Actor, requestId: string, step: number): Promise<RequestScreen> {
  const req = await loadOwnRequest(svc.db, actor, requestId);
  if (req.status !== 'draft' && req.status !== 'returned') return requestSummary(svc, actor, req.id);
  return requestStep(svc, actor, req.id, step);
}

export interface MyRequestsView {
  notice?: string;
  rows: Array<{ requestId: string; label: string; statusLine: string; updated: string; action: 'continue' | 'revise' | 'view' }>;
}

export async function myRequests(svc: Svc, actor: Actor, notice?: string): Promise<MyRequestsView> {
  const { db, config } = svc;
  const reqs = await db.presenceRequest.findMany({ where: { requesterId: actor.personId, status: { not: 'discarded' } }, orderBy: { updatedAt: 'desc' }, take: 20 });
  return {
    notice,
    rows: reqs.map((r) => {
      const d = draftOf(r.answers);
      const status = r.status as RequestStatus;
      return {
        requestId: r.id,
        label: d.handle ? `${d.handle}${d.platform ? ` (${d.platform === 'other' ? d.platformOther ?? 'other' : d.platform})` : ''}` : 'New request (no account name yet)',
        statusLine: ownLabel(STATUS_LABELS, status),
        updated: formatWhen(r.updatedAt, config.timeZone),
        action: status === 'draft' ? 'continue' : status === 'returned' ? 'revise' : 'view',
      };
    }),
  };
}

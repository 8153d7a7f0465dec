import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { AppError } from '../../src/errors/app-error';
import { STATUS_LABELS, STAGE_LABELS, type RequestStatus } from '../../src/domain/presence-request';
import { STEP_COUNT, type DraftAnswers } from '../../src/domain/presence-answers';
import { startRequest, saveRequestStep } from '../../src/services/presence/save-request-step';
import { submitRequest } from '../../src/services/presence/submit-request';
import { stopRequest } from '../../src/services/presence/stop-request';
import { decideReview } from '../../src/services/presence/decide-review';
import { draftOf, lookupsFor } from '../../src/services/presence/request-views';
import { parseCard } from '../../cards/common/parse';
import { formatWhen } from '../../cards/common/elements';
import { ZEditStep, ZRequestRef, ZReviewDecision, ZStepAction } from '../../cards/presence-request/actions';
import { describeRequest } from '../../cards/presence-request/describe';
import { stepCard } from '../../cards/presence-request/step-card';
import { summaryCard } from '../../cards/presence-request/summary-card';
import { myRequestsCard } from '../../cards/presence-request/my-requests-card';
import { registerReviews } from './reviews';

const requireRef = (data: unknown) => {
  const p = ZRequestRef.safeParse(data);
  if (!p.success) throw new AppError('INVALID_INPUT', 'This card does not name a request. Type "my requests" for a fresh card.');
  return p.data;
};

async function loadOwn(turn: Turn, requestId: string) {
  const req = await turn.services.db.presenceRequest.findUnique({ where: { id: requestId }, include: { reviews: { orderBy: { createdAt: 'asc' } } } });
  if (!req || req.requesterId !== turn.actor.personId) throw new AppError('NOT_FOUND', 'That request is not one of yours. Type "my requests" to see yours.');
  return req;
}

async function stepView(turn: Turn, requestId: string, step: number, draft: DraftAnswers, extra: { errors?: Record<string, string>; saved?: boolean } = {}) {
  const { db } = turn.services;
  const [departments, people, lastReturn] = await Promise.all([
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.person.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.review.findFirst({ where: { requestId, status: 'rejected' }, orderBy: { decidedAt: 'desc' } }),
  ]);
  const req = await db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } });
  return stepCard({ requestId, step, draft, departments, people, returnedReason: req.status === 'returned' ? lastReturn?.reason ?? undefined : undefined, ...extra });
}

/** The requester's view: the summary with Edit and Submit while editable, the state and history otherwise. */
async function summaryView(turn: Turn, requestId: string, problem?: string) {
  const { db, config } = turn.services;
  const req = await loadOwn(turn, requestId);
  const draft = draftOf(req.answers);
  const status = req.status as RequestStatus;
  const editable = status === 'draft' || status === 'returned';
  const deciders = new Map((await db.person.findMany({ where: { id: { in: req.reviews.map((r) => r.deciderId ?? '') } } })).map((p) => [p.id, p.name]));
  const history = req.reviews
    .filter((r) => r.decidedAt)
    .reverse()
    .map((r) => `Round ${r.round}, ${STAGE_LABELS[r.stage as 'it' | 'attorney']}: ${r.status === 'approved' ? 'approved' : r.status === 'rejected' ? 'returned' : r.status} by ${r.status === 'withdrawn' ? 'you' : deciders.get(r.deciderId ?? '') ?? 'unknown'}, ${formatWhen(r.decidedAt!, config.timeZone)}${r.reason ? `: ${r.reason}` : ''}`);
  return summaryCard({
    requestId,
    statusLine: editable && !problem ? (status === 'returned' ? 'Returned to you: edit what the reviewer asked, then submit again.' : 'Check your answers, then submit for review. IT reviews it first, then the City Attorney.') : inReviewLine(status, req.submittedAt, config.timeZone),
    statusColor: status === 'approved' ? 'good' : status === 'returned' ? 'warning' : 'default',
    sections: describeRequest(draft, await lookupsFor(db, draft)),
    editable,
    problem,
    history,
    canStop: status === 'it_review' || status === 'attorney_review' ? 'withdraw' : editable ? 'cancel' : undefined,
  });
}

/** After submitting, say plainly where it went and what happens next. */
function inReviewLine(status: RequestStatus, submittedAt: Date | null, timeZone: string): string {
  if ((status === 'it_review' || status === 'attorney_review') && submittedAt) {
    return `Sent to ${status === 'it_review' ? 'IT review' : 'City Attorney review'} (submitted ${formatWhen(submittedAt, timeZone)}). You will get a message here when they decide.`;
  }
  return STATUS_LABELS[status];
}

async function openRequest(turn: Turn, requestId: string) {
  const req = await loadOwn(turn, requestId);
  const editable = req.status === 'draft' || req.status === 'returned';
  // A draft resumes at the step it was left on; a returned or finished request opens on its summary.
  if (editable && req.status === 'draft' && req.step <= STEP_COUNT) return stepView(turn, req.id, req.step, draftOf(req.answers));
  return summaryView(turn, req.id);
}

async function myRequests(turn: Turn, notice?: string) {
  const { db, config } = turn.services;
  const reqs = await db.presenceRequest.findMany({ where: { requesterId: turn.actor.personId }, orderBy: { updatedAt: 'desc' }, take: 20 });
  return myRequestsCard({
    notice,
    rows: reqs.map((r) => {
      const d = draftOf(r.answers);
      const status = r.status as RequestStatus;
      return {
        requestId: r.id,
        label: d.handle ? `${d.handle}${d.platform ? ` (${d.platform === 'other' ? d.platformOther ?? 'other' : d.platform})` : ''}` : 'New request (no account name yet)',
        statusLine: STATUS_LABELS[status],
        updated: formatWhen(r.updatedAt, config.timeZone),
        action: status === 'draft' ? 'continue' : status === 'returned' ? 'revise' : 'view',
      };
    }),
  });
}

/** REQ-1..REQ-4: request a presence through guided cards; reviewers decide on the channel cards. */
export function register(router: Router): void {
  router.entry(
    { title: 'Request a presence', description: 'Ask IT and the City Attorney to approve a new official social media account.', verb: 'request.start', command: 'request a presence', visible: (_a, where) => where.kind === 'personal' },
    async (turn) => {
      if (turn.where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Requests are made in your personal chat with Social Steward, so drafts stay private.');
      const req = await startRequest(turn.services, turn.actor);
      return stepView(turn, req.id, 1, {});
    },
  );
  router.entry(
    { title: 'My requests', description: 'Continue a draft, revise a returned request, or see where yours stand.', verb: 'requests.mine', command: 'my requests', visible: (_a, where) => where.kind === 'personal' },
    (turn) => myRequests(turn),
  );

  router.verb('request.step', async (turn, data) => {
    const parsed = ZStepAction.safeParse(data);
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'This card is incomplete. Type "my requests" to continue your request.');
    const { requestId, step, nav, ...values } = parsed.data;
    const out = await saveRequestStep(turn.services, turn.actor, { requestId, step, nav, values });
    if (out.errors) return stepView(turn, requestId, step, out.draft, { errors: out.errors });
    if (out.step > STEP_COUNT) return summaryView(turn, requestId);
    return stepView(turn, requestId, out.step, out.draft, { saved: nav === 'save' });
  });
  router.verb('request.edit', async (turn, data) => {
    const p = parseCard(ZEditStep, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', 'This card does not name a step.');
    const req = await loadOwn(turn, p.value.requestId);
    if (req.status !== 'draft' && req.status !== 'returned') return summaryView(turn, req.id);
    return stepView(turn, req.id, p.value.step, draftOf(req.answers));
  });
  router.verb('request.open', async (turn, data) => openRequest(turn, requireRef(data).requestId));
  router.verb('request.submit', async (turn, data) => {
    const { requestId } = requireRef(data);
    const out = await submitRequest(turn.services, turn.actor, requestId);
    if (!out.submitted) {
      const req = await loadOwn(turn, requestId);
      return stepView(turn, requestId, out.step, draftOf(req.answers), { errors: out.errors });
    }
    return summaryView(turn, requestId);
  });
  router.verb('request.stop', async (turn, data) => {
    const outcome = await stopRequest(turn.services, turn.actor, requireRef(data).requestId);
    return myRequests(turn, outcome === 'withdrawn' ? 'Request withdrawn; the reviewers can see that.' : 'Request cancelled.');
  });

  registerReviews(router);
  router.verb('review.decide', async (turn, data) => {
    const p = parseCard(ZReviewDecision, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', p.errors.reason ?? 'This card does not name a review.');
    return (await decideReview(turn.services, turn.actor, p.value)).card;
  });
}

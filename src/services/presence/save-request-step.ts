import type { Actor } from '../../domain/roles';
import { canEdit, type RequestStatus } from '../../domain/presence-request';
import { checkStep, stepFields, stepSchemas, STEP_COUNT, type DraftAnswers } from '../../domain/presence-answers';
import { AppError, refusedWith } from '../../errors/app-error';
import { nextStep } from '../../domain/guided-steps';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services, Where } from '../context';
import { draftOf } from './request-views';
import { requestStep, requestSummary, type RequestScreen } from './request-reads';

export type StepOutcome = { draft: DraftAnswers; step: number; errors?: Record<string, string>; status: RequestStatus };

/** Starts a draft (REQ-1) in the personal chat. A request exists from the first card, so nothing typed is ever lost. */
export async function startRequest(svc: Pick<Services, 'db' | 'config'>, actor: Actor, where: Pick<Where, 'kind'>): Promise<RequestScreen> {
  if (where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Requests are made in your personal chat with Social Steward, so drafts stay private.');
  const req = await svc.db.$transaction(async (tx) => {
    const req = await tx.presenceRequest.create({ data: { requesterId: actor.personId, status: 'draft' } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'request.started', entityType: 'presence_request', entityId: req.id });
    return req;
  }, TX_OPTIONS);
  return requestStep(svc, actor, req.id, 1, { draft: {} });
}

/**
 * Saves one step's answers whatever they are (REQ-1: a draft survives anything), then moves on only when the step
 * validates. Back and Save draft never validate; Next does, and stays put with the errors when it fails.
 */
export async function saveRequestStep(
  svc: Pick<Services, 'db' | 'config'>,
  actor: Actor,
  input: { requestId: string; step: number; nav: 'next' | 'back' | 'save'; values: Record<string, unknown> },
): Promise<RequestScreen> {
  const { db, config } = svc;
  const schemas = stepSchemas(config.cityWebDomains);
  const out: StepOutcome = await db.$transaction(async (tx) => {
    const req = await tx.presenceRequest.findUnique({ where: { id: input.requestId } });
    if (!req) throw new AppError('NOT_FOUND', 'That request no longer exists. Type "my requests" to see yours.');
    const allowed = canEdit({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor);
    if (allowed.refused) refusedWith(allowed);

    const draft = draftOf(req.answers);
    const changed: string[] = [];
    for (const field of stepFields(schemas, input.step)) {
      const raw = input.values[field];
      const value = typeof raw === 'string' ? raw : typeof raw === 'boolean' ? String(raw) : undefined;
      if (value === undefined || value.trim() === '') {
        if (draft[field as keyof DraftAnswers] !== undefined) changed.push(field);
        delete draft[field as keyof DraftAnswers];
      } else if (draft[field as keyof DraftAnswers] !== value) {
        draft[field as keyof DraftAnswers] = value;
        changed.push(field);
      }
    }
    const check = input.nav === 'next' ? checkStep(schemas, input.step, draft) : { ok: true as const };
    const step = nextStep(input.nav, input.step, check.ok, STEP_COUNT);
    await tx.presenceRequest.update({ where: { id: req.id }, data: { answers: JSON.stringify(draft), step, version: { increment: 1 } } });
    if (changed.length) {
      await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'request.draft_saved', entityType: 'presence_request', entityId: req.id, data: { step: input.step, fields: changed } });
    }
    return { draft, step, status: req.status as RequestStatus, ...(check.ok ? {} : { errors: check.errors }) };
  }, TX_OPTIONS);
  if (out.errors) return requestStep(svc, actor, input.requestId, input.step, { draft: out.draft, errors: out.errors });
  if (out.step > STEP_COUNT) return requestSummary(svc, actor, input.requestId);
  return requestStep(svc, actor, input.requestId, out.step, { draft: out.draft, saved: input.nav === 'save' });
}

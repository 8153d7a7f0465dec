import type { Actor } from '../../domain/roles';
import { STEP_COUNT } from '../../domain/presence-answers';
import { AppError } from '../../errors/app-error';
import { saveStep, type Nav } from '../engines/guided-flow';
import { orAsItStands } from '../engines/stale-click';
import { requestFlow } from './request-flow';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services, Where } from '../context';
import { requestStep, requestSummary, type RequestScreen } from './request-reads';

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
 * Saves one step's answers whatever they are (REQ-1: a draft survives anything), through the guided-flow engine;
 * answers with the next screen, or the summary as it stands when the request is no longer editable.
 */
export function saveRequestStep(
  svc: Pick<Services, 'db' | 'config' | 'now'>,
  actor: Actor,
  input: { requestId: string; step: number; nav: Nav; values: Record<string, unknown> },
): Promise<RequestScreen> {
  return orAsItStands(async () => {
    const out = await saveStep(requestFlow(svc.config.cityWebDomains), svc, actor, { id: input.requestId, step: input.step, nav: input.nav, values: input.values });
    if (out.errors) return requestStep(svc, actor, input.requestId, input.step, { draft: out.draft, errors: out.errors });
    if (out.step > STEP_COUNT) return requestSummary(svc, actor, input.requestId);
    return requestStep(svc, actor, input.requestId, out.step, { draft: out.draft, saved: input.nav === 'save' });
  }, (why) => requestSummary(svc, actor, input.requestId, why));
}

import type { RequestRow } from './request-flow';
import type { Actor } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import { saveStepAndShow, type FlowScreens, type Nav } from '../engines/guided-flow';
import { requestFlow } from './request-flow';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS, type Tx } from '../../store/prisma';
import { stepFields, stepSchemas, type DraftAnswers } from '../../domain/presence-answers';
import type { Services, Where } from '../context';
import { requestStep, requestSummary, type RequestScreen } from './request-reads';
import { draftOf } from './request-views';
import { cityDepartmentIds } from '../departments';
import { PEOPLE_STEP, resolveRequestPeople } from './request-people';
import type { LookUpName } from '../people/resolve-people';

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** A draft with nothing typed in it yet; one whose stored answers do not read is not empty (it is left alone). */
function isEmptyDraft(answers: string): boolean {
  try {
    return Object.values(draftOf(answers)).every(isBlank);
  } catch {
    return false;
  }
}

/** A draft whose stored answers read; one that does not is left alone, never reused. */
function readable(answers: string): boolean {
  try {
    draftOf(answers);
    return true;
  } catch {
    return false;
  }
}

/** What the bot knows of the requester at the Teams edge (src/teams/member-info.ts); Teams gives no job title. */
export interface RequesterProfile {
  name?: string;
  email?: string;
}

/**
 * What a new request starts with (issue 10): the requester as the responsible staff member, by the name and e-mail
 * Teams gives, and the department and title of their last request. Only what the bot knows; all of it editable.
 */
async function prefillFor(tx: Tx, actor: Actor, profile: RequesterProfile): Promise<DraftAnswers> {
  const last = await tx.presenceRequest.findFirst({ where: { requesterId: actor.personId, status: { not: 'draft' } }, orderBy: { createdAt: 'desc' }, select: { answers: true } });
  let before: DraftAnswers = {};
  try {
    before = last ? draftOf(last.answers) : {};
  } catch {
    // A stored request that does not read prefills nothing.
  }
  const out: DraftAnswers = {};
  const set = (k: keyof DraftAnswers, v: string | undefined, max: number) => {
    if (v?.trim()) out[k] = v.trim().slice(0, max);
  };
  set('staffName', profile.name ?? actor.name, 100);
  set('staffContact', profile.email, 120);
  set('staffTitle', before.staffTitle, 100);
  set('departmentId', before.departmentId, 64);
  return out;
}

/**
 * Starts a draft (REQ-1) in the personal chat. A request exists from the first card, so nothing typed is ever lost.
 * A draft of this person's with nothing in it yet is reused, so pressing the button again does not pile up drafts;
 * one never saved (version 1) holds at most what was prefilled, so it counts as empty too.
 */
export async function startRequest(svc: Pick<Services, 'db' | 'config'>, actor: Actor, where: Pick<Where, 'kind'>, profile: RequesterProfile = {}): Promise<RequestScreen> {
  if (where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Requests are made in your personal chat with Social Steward, so drafts stay private.');
  const req = await svc.db.$transaction(async (tx) => {
    const drafts = await tx.presenceRequest.findMany({ where: { requesterId: actor.personId, status: 'draft', round: 0 }, orderBy: { createdAt: 'desc' } });
    const empty = drafts.find((d) => isEmptyDraft(d.answers) || (d.version === 1 && readable(d.answers)));
    if (empty) return empty;
    const prefill = await prefillFor(tx, actor, profile);
    const req = await tx.presenceRequest.create({ data: { requesterId: actor.personId, status: 'draft', answers: JSON.stringify(prefill) } });
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'request.started', entityType: 'presence_request', entityId: req.id, data: { prefilled: Object.keys(prefill) } });
    return req;
  }, TX_OPTIONS);
  return requestStep(svc, actor, req.id, 1);
}

/**
 * Saves one step's answers whatever they are (REQ-1: a draft survives anything), through the guided-flow engine;
 * answers with the next screen, or the summary as it stands when the request is no longer editable.
 */
export async function saveRequestStep(
  svc: Pick<Services, 'db' | 'config' | 'now'>,
  actor: Actor,
  input: { requestId: string; step: number; nav: Nav; values: Record<string, unknown> },
  lookUpName: LookUpName = async () => undefined,
): Promise<RequestScreen> {
  if (input.step === PEOPLE_STEP) {
    const people = await resolveRequestPeople(svc, actor, input.requestId, input.values, lookUpName);
    if (!people.ok) return requestStep(svc, actor, input.requestId, input.step, { draft: people.draft, errors: people.errors, typed: people.typed });
    input = { ...input, values: people.values };
  }
  const screens: FlowScreens<RequestScreen, RequestRow> = {
    step: (id, step, extra) => requestStep(svc, actor, id, step, extra),
    summary: (id) => requestSummary(svc, actor, id),
    asItStands: (id, why) => requestSummary(svc, actor, id, why),
  };
  // The department answer is checked against the City's list only where a step is checked (Next) and at submit.
  const checksDepartment = input.nav === 'next' && stepFields(stepSchemas(svc.config.cityWebDomains), input.step).includes('departmentId');
  const flow = requestFlow(svc.config.cityWebDomains, checksDepartment ? await cityDepartmentIds(svc.db) : undefined);
  return saveStepAndShow(flow, screens, svc, actor, { id: input.requestId, step: input.step, nav: input.nav, values: input.values });
}

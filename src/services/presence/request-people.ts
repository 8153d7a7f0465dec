import type { Actor } from '../../domain/roles';
import { canEdit, type RequestStatus } from '../../domain/presence-request';
import type { DraftAnswers } from '../../domain/presence-answers';
import { resolvePeople, type LookUpName } from '../people/resolve-people';
import type { Services } from '../context';
import { loadOwnRequest } from './request-reads';
import { draftOf } from './request-views';

/** The step that names people (REG-1: approving authority and spokespersons), and its people inputs. */
export const PEOPLE_STEP = 3;
const PEOPLE_FIELDS = [
  { id: 'approverId', one: true },
  { id: 'spokespersonIds', one: false },
] as const;
export const typedKey = (id: string) => `${id}Typed`;

const str = (values: Record<string, unknown>, k: string) => (Object.hasOwn(values, k) && typeof values[k] === 'string' ? (values[k] as string) : '');

export type PeopleStep =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; draft: DraftAnswers; errors: Record<string, string>; typed: Record<string, string> };

/**
 * Turns what the people step's inputs sent (Person ids, Entra object ids from Teams' picker, typed names) into Person
 * ids before the guided-flow engine saves them (issue 10). Only the requester of an editable request gets this far,
 * so no one else can make the bot create a person. A name that matches no one, or several, comes back beside its
 * field with everything else as typed, and nothing is saved.
 */
export async function resolveRequestPeople(svc: Pick<Services, 'db'>, actor: Actor, requestId: string, values: Record<string, unknown>, lookUpName: LookUpName): Promise<PeopleStep> {
  const req = await loadOwnRequest(svc.db, actor, requestId);
  // A request past editing is shown as it stands by the engine; nothing to resolve for it.
  if (canEdit({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor).refused) return { ok: true, values };
  const out: Record<string, unknown> = { ...values };
  const errors: Record<string, string> = {};
  const typed: Record<string, string> = {};
  for (const f of PEOPLE_FIELDS) {
    const chosen = str(values, f.id).split(',').map((s) => s.trim()).filter(Boolean).slice(0, 10);
    const text = str(values, typedKey(f.id)).slice(0, 300);
    delete out[typedKey(f.id)];
    if (!chosen.length && !text.trim()) continue;
    const r = await resolvePeople(svc.db, actor, { chosen, typed: text }, lookUpName);
    if (!r.ok) {
      errors[f.id] = r.error;
      typed[f.id] = text;
    } else if (f.one && r.ids.length > 1) {
      errors[f.id] = 'Choose one approving authority';
      typed[f.id] = text;
    } else {
      out[f.id] = r.ids.join(',');
    }
  }
  if (!Object.keys(errors).length) return { ok: true, values: out };
  const draft: DraftAnswers = { ...draftOf(req.answers) };
  for (const f of PEOPLE_FIELDS) if (!Object.hasOwn(errors, f.id) && typeof out[f.id] === 'string') draft[f.id] = out[f.id] as string;
  for (const k of ['staffName', 'staffTitle', 'staffContact'] as const) if (str(values, k)) draft[k] = str(values, k).slice(0, 200);
  return { ok: false, draft, errors, typed };
}

import type { PresenceRequest } from '@prisma/client';
import { canEdit, type RequestStatus } from '../../domain/presence-request';
import { checkStep, stepFields, stepSchemas, STEP_TITLES, type DraftAnswers, type StepSchemas } from '../../domain/presence-answers';
import type { FieldKind } from '../../domain/normalize-input';
import type { FlowDeclaration } from '../engines/guided-flow';
import { draftOf } from './request-views';

/** How each answer is typed, for normalisation; choices and toggles are taken as sent. */
const KINDS: Readonly<Record<string, FieldKind>> = {
  departmentId: 'choice', platform: 'choice', criterion: 'choice', approverId: 'choice', spokespersonIds: 'choice', hasDirectMessages: 'choice', dmHandling: 'choice',
  attestCityAccount: 'toggle', attestNotice: 'toggle',
  cityWebPage: 'url', staffContact: 'contact',
  purpose: 'longText', benefits: 'longText', dataLocation: 'longText', dmArchive: 'longText',
};

/** REQ-1 "Request a presence", declared for the guided-flow engine: five steps, their fields from the zod schemas. */
export function requestFlow(domains: readonly string[], departments?: ReadonlySet<string>): FlowDeclaration<PresenceRequest> {
  const schemas: StepSchemas = stepSchemas(domains, departments);
  return {
    name: 'request',
    entityType: 'presence_request',
    steps: STEP_TITLES.map((title, i) => ({ title, fields: stepFields(schemas, i + 1).map((id) => ({ id, kind: Object.hasOwn(KINDS, id) ? KINDS[id] : 'text' })) })),
    notFound: 'That request no longer exists. Type "my requests" to see yours.',
    load: (tx, id) => tx.presenceRequest.findUnique({ where: { id } }),
    canEdit: (req, actor) => canEdit({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor),
    draftOf: (req) => draftOf(req.answers),
    check: (step, draft) => {
      const c = checkStep(schemas, step, draft as DraftAnswers);
      return c.ok ? {} : c.errors;
    },
    write: async (tx, req, draft, step) => {
      await tx.presenceRequest.update({ where: { id: req.id }, data: { answers: JSON.stringify(draft), step, version: { increment: 1 } } });
    },
  };
}

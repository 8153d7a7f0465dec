import { z } from 'zod';
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

/** Hard caps per answer (the schemas' maxima; ids lists hold up to ten GUIDs), enforced on every save. */
const MAX: Readonly<Record<string, number>> = {
  departmentId: 64, platform: 32, platformOther: 80, handle: 100, criterion: 32, purpose: 1000, benefits: 1000, cityWebPage: 300,
  staffName: 100, staffTitle: 100, staffContact: 120, approverId: 64, spokespersonIds: 400, dataLocation: 300, hasDirectMessages: 8, dmHandling: 16, dmArchive: 300,
  attestCityAccount: 8, attestNotice: 8,
};

/** The columns a save reads: who asked, where it stands, and the answers so far. */
const RequestRow = z.object({ id: z.string(), requesterId: z.string(), status: z.string(), answers: z.string() });
export type RequestRow = z.infer<typeof RequestRow>;

/** REQ-1 "Request a presence", declared for the guided-flow engine: five steps, their fields from the zod schemas. */
export function requestFlow(domains: readonly string[], departments?: ReadonlySet<string>): FlowDeclaration<RequestRow> {
  const schemas: StepSchemas = stepSchemas(domains, departments);
  return {
    name: 'request',
    entityType: 'presence_request',
    steps: STEP_TITLES.map((title, i) => ({ title, fields: stepFields(schemas, i + 1).map((id) => ({ id, kind: Object.hasOwn(KINDS, id) ? KINDS[id] : 'text', max: Object.hasOwn(MAX, id) ? MAX[id] : 200 })) })),
    notFound: 'That request no longer exists. Type "my requests" to see yours.',
    table: 'PresenceRequest',
    row: RequestRow,
    canEdit: (req, actor) => canEdit({ requesterId: req.requesterId, status: req.status as RequestStatus }, actor),
    draftOf: (req) => draftOf(req.answers),
    check: (step, draft) => {
      const c = checkStep(schemas, step, draft as DraftAnswers);
      return c.ok ? {} : c.errors;
    },
    update: (_req, draft, step) => ({ answers: JSON.stringify(draft), step }),
  };
}

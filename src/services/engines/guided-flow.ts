import type { Actor } from '../../domain/roles';
import type { Result } from '../../domain/result';
import { nextStep } from '../../domain/guided-steps';
import { normalizeInput, type FieldKind } from '../../domain/normalize-input';
import { AppError, refusedWith } from '../../errors/app-error';
import type { z } from 'zod';
import { draftStoreOf } from '../../store/prisma';
import type { ColumnValue, DraftTable } from '../../store/draft-store';
import type { Services } from '../context';
import { orAsItStands } from './stale-click';

export type Draft = Partial<Record<string, string>>;
export type Nav = 'next' | 'back' | 'save';

export interface FlowField {
  id: string;
  kind: FieldKind;
  /** The hard cap, enforced on every save (Save draft and Back too), so no draft can outgrow its card (issue 10). */
  max?: number;
}

/** A field that declares no cap still has one: every free-text field is capped on the server. */
export const DEFAULT_FIELD_MAX = 1000;

/** Values past their field's cap: refused on any button, with the text cut to the cap so the card stays small. */
function overCap(fields: readonly FlowField[], values: Record<string, unknown>): { errors: Record<string, string>; cut: Draft } | undefined {
  const errors: Record<string, string> = {};
  const cut: Draft = {};
  for (const f of fields) {
    const v = Object.hasOwn(values, f.id) ? values[f.id] : undefined;
    const max = f.max ?? DEFAULT_FIELD_MAX;
    if (typeof v === 'string' && v.trim().length > max) {
      errors[f.id] = `Keep this under ${max} characters (it has ${v.trim().length}); nothing was saved, and the text below is cut to ${max}`;
      cut[f.id] = v.trim().slice(0, max);
    }
  }
  return Object.keys(errors).length ? { errors, cut } : undefined;
}

export interface FlowStep {
  title: string;
  fields: readonly FlowField[];
}

/**
 * A guided flow, declared once (issue 9 item 1): its steps and fields, how its draft is stored, and what counts as
 * a valid step. The engine does the rest for every flow: input normalised before validation, Save draft and Back
 * never validate, Next moves on only when the step is valid, the summary after the last step, a draft that survives
 * anything (it is a row), and one audit rule: a save that changed something is recorded, with the fields it changed.
 */
export interface FlowDeclaration<R> {
  /** Audit names: `${name}.draft_saved` on an entity of `entityType`. */
  name: string;
  entityType: string;
  steps: readonly FlowStep[];
  notFound: string;
  /** Where its drafts are kept, and the columns a save reads, as a stored row must read. */
  table: DraftTable;
  row: z.ZodObject<z.ZodRawShape> & z.ZodType<R>;
  /** Who may change this draft, and whether its state still allows it. */
  canEdit(record: R, actor: Actor): Result;
  draftOf(record: R): Draft;
  /** Problems of a step, keyed by field; empty when the step is valid. */
  check(step: number, draft: Draft): Record<string, string>;
  /** The columns a save writes (version and updatedAt move with them), or none when nothing needs writing. */
  update(record: R, draft: Draft, step: number): Record<string, ColumnValue> | undefined;
}

export type StepSaved<R = unknown> = { draft: Draft; step: number; errors?: Record<string, string>; changed: string[]; record: R };

export function stepCount(flow: Pick<FlowDeclaration<unknown>, 'steps'>): number {
  return flow.steps.length;
}

/** Saves one step's answers whatever they are (REQ-1: a draft survives anything), then moves as the button says. */
export async function saveStep<R>(
  flow: FlowDeclaration<R>,
  { db, now }: Pick<Services, 'db' | 'now'>,
  actor: Actor,
  input: { id: string; step: number; nav: Nav; values: Record<string, unknown> },
): Promise<StepSaved<R>> {
  const spec = flow.steps[input.step - 1];
  if (!spec) throw new AppError('INVALID_INPUT', 'This card names a step that does not exist.');
  // Through the driver, not Prisma (docs/decisions/0008): the commonest click, and one transaction either way.
  return draftStoreOf(db).save({
    table: flow.table,
    id: input.id,
    row: flow.row,
    now: now(),
    decide: (record) => {
      if (!record) throw new AppError('NOT_FOUND', flow.notFound);
      const allowed = flow.canEdit(record, actor);
      if (allowed.refused) refusedWith(allowed);

      const draft = { ...flow.draftOf(record) };
      const tooLong = overCap(spec.fields, input.values);
      if (tooLong) return { result: { draft: { ...draft, ...tooLong.cut }, step: input.step, changed: [], errors: tooLong.errors, record } };
      const changed: string[] = [];
      for (const field of spec.fields) {
        const value = normalizeInput(field.kind, Object.hasOwn(input.values, field.id) ? input.values[field.id] : undefined);
        if (value === (Object.hasOwn(draft, field.id) ? draft[field.id] : undefined)) continue;
        changed.push(field.id);
        if (value === undefined) delete draft[field.id];
        else draft[field.id] = value;
      }
      const errors = input.nav === 'next' ? flow.check(input.step, draft) : {};
      const valid = Object.keys(errors).length === 0;
      const step = nextStep(input.nav, input.step, valid, stepCount(flow));
      const audit = changed.length
        ? { actor: { personId: actor.personId, name: actor.name }, action: `${flow.name}.draft_saved`, entityType: flow.entityType, entityId: input.id, data: { step: input.step, fields: changed } }
        : undefined;
      return { set: flow.update(record, draft, step), audit, result: { draft, step, changed, record, ...(valid ? {} : { errors }) } };
    },
  });
}

/**
 * How a flow's screens are read (each read authorizes): a step, the summary, and the record as it stands. After a
 * save, a step is given the record its transaction loaded (already authorized), so it need not read it again.
 */
export interface FlowScreens<S, R = unknown> {
  step(id: string, step: number, extra: { draft?: Draft; errors?: Record<string, string>; saved?: boolean; record?: R }): Promise<S>;
  summary(id: string): Promise<S>;
  /** A click on a card the record has moved past (submitted, filed): the record as it stands, saying why. */
  asItStands(id: string, why: string): Promise<S>;
}

/** Saves a step and answers with the next screen: the step with its errors, the next step, or the summary. */
export function saveStepAndShow<R, S>(
  flow: FlowDeclaration<R>,
  screens: FlowScreens<S, R>,
  svc: Pick<Services, 'db' | 'now'>,
  actor: Actor,
  input: { id: string; step: number; nav: Nav; values: Record<string, unknown> },
): Promise<S> {
  return orAsItStands(async () => {
    const out = await saveStep(flow, svc, actor, input);
    if (out.errors) return screens.step(input.id, input.step, { draft: out.draft, errors: out.errors, record: out.record });
    if (out.step > stepCount(flow)) return screens.summary(input.id);
    return screens.step(input.id, out.step, { draft: out.draft, saved: input.nav === 'save', record: out.record });
  }, (why) => screens.asItStands(input.id, why));
}

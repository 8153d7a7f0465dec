import type { Actor } from '../../domain/roles';
import { LOST_RACE_NOTICE, refusedClickNotice, type Result } from '../../domain/result';
import { AppError } from '../../errors/app-error';
import { appendAudit, type AuditInput } from '../../records/audit';
import { enqueueUpdate, type RenderedCard } from '../../notify/outbox';
import { TX_OPTIONS, type Db, type Tx } from '../../store/prisma';
import type { Presenters } from '../presenters';
import type { Services } from '../context';
import { shownCardHash } from './card-hash';
import type { DoneView } from '../done-view';

/** What the clicker may be told beside the card: why their click did not count, or what to fix in the input. */
export interface CardExtra {
  notice?: string;
  inputError?: string;
}

/**
 * A decision taken on a channel card (a request review, a policy, a site block, and next a post approval). The
 * engine does the rest: load, authorize the read, apply the rule, and one transaction with the guarded write, the
 * audit event (with the SHA-256 of the card the decider was shown), the channel card updated in place and the
 * people told. A late, repeated or copied click always gets the card as it stands now.
 */
export interface DecisionSpec<R, V, I, N> {
  /** Said when the record does not exist (a forged or very old card). */
  notFound: string;
  /** Said to anyone who may not see the record: nothing is shown and nothing changes (issue 8 item 4). */
  notAllowed(record: R): string;
  load(db: Db | Tx, id: string): Promise<R | null>;
  canSee(actor: Actor, record: R): boolean;
  view(db: Db | Tx, record: R, extra: CardExtra): Promise<V>;
  render(present: Presenters, view: V): RenderedCard;
  /** The domain rule: role for the stage (never the requester or filer), state, and the input (a reason). */
  rule(record: R, actor: Actor, input: I): Result<N>;
  /** The guarded write; false when the state moved meanwhile (another decider won), which rolls back. */
  write(tx: Tx, record: R, verdict: N, input: I, by: { actor: Actor; at: Date }): Promise<boolean>;
  audit(record: R, verdict: N, input: I): Omit<AuditInput, 'actor'>;
  /** The next state's effects and notices, inside the same transaction. */
  after(tx: Tx, record: R, verdict: N, input: I, ctx: AfterContext): Promise<void>;
  cardOutboxId(record: R): string | null;
  /** The stored hash of the card as posted, when the record keeps one; otherwise the outbox's copy is hashed. */
  storedCardHash?(record: R): string | null;
  updateSummary(verdict: N): string;
  /** The short card the decider gets once their decision counted: what happened, what comes next (issue 10). */
  done?(db: Db, record: R, verdict: N, input: I): Promise<DoneView> | DoneView;
}

export interface AfterContext {
  actor: Actor;
  at: Date;
  services: Pick<Services, 'config' | 'present'>;
}

class LostRace extends Error {}

export async function decideOnCard<R, V, I, N>(
  spec: DecisionSpec<R, V, I, N>,
  services: Pick<Services, 'db' | 'config' | 'present' | 'now'>,
  actor: Actor,
  id: string,
  input: I,
): Promise<{ view: V; decided: boolean; done?: DoneView }> {
  const { db } = services;
  const record = await spec.load(db, id);
  if (!record) throw new AppError('NOT_FOUND', spec.notFound);
  if (!spec.canSee(actor, record)) throw new AppError('NOT_AUTHORIZED', `${spec.notAllowed(record)} Nothing was changed.`);
  const current = async (extra: CardExtra = {}) => ({ view: await spec.view(db, (await spec.load(db, id)) ?? record, extra), decided: false });

  const verdict = spec.rule(record, actor, input);
  if (verdict.refused) return verdict.code === 'INVALID_INPUT' ? current({ inputError: verdict.message }) : current({ notice: refusedClickNotice(verdict) });

  const at = services.now();
  // The card as the transaction leaves it: rendered once for the channel card's update, and answered to the clicker
  // too, instead of loading the record and its view again after the commit.
  let decidedView: V | undefined;
  try {
    await db.$transaction(async (tx) => {
      const shown = spec.storedCardHash?.(record) ?? (await shownCardHash(tx, spec.cardOutboxId(record)));
      if (!(await spec.write(tx, record, verdict, input, { actor, at }))) throw new LostRace();
      const event = spec.audit(record, verdict, input);
      await appendAudit(tx, { ...event, actor: { personId: actor.personId, name: actor.name }, data: { ...(event.data as object), shownCardSha256: shown } }, at);
      await spec.after(tx, record, verdict, input, { actor, at, services });
      const outboxId = spec.cardOutboxId(record);
      if (outboxId) {
        const now = (await spec.load(tx, id))!;
        decidedView = await spec.view(tx, now, {});
        await enqueueUpdate(tx, outboxId, { card: spec.render(services.present, decidedView), summary: spec.updateSummary(verdict) });
      }
    }, TX_OPTIONS);
  } catch (err) {
    if (err instanceof LostRace) return current({ notice: LOST_RACE_NOTICE });
    throw err;
  }
  const shown = decidedView ? { view: decidedView } : await current();
  return { ...shown, decided: true, done: await spec.done?.(db, record, verdict, input) };
}

/** A decision card opened from `reviews`: the same read authorization as a click, and the card as it stands. */
export async function openOnCard<R, V, I, N>(spec: DecisionSpec<R, V, I, N>, db: Db, actor: Actor, id: string): Promise<V> {
  const record = await spec.load(db, id);
  if (!record) throw new AppError('NOT_FOUND', spec.notFound);
  if (!spec.canSee(actor, record)) throw new AppError('NOT_AUTHORIZED', `${spec.notAllowed(record)} Nothing was changed.`);
  return spec.view(db, record, {});
}

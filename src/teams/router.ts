import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Actor } from '../domain/roles';
import type { AdaptiveCard } from '../../cards/common/elements';
import { AppError, isAppError } from '../errors/app-error';
import { enqueuedSoFar } from '../notify/outbox';
import { savedSince } from '../services/turn-outcome';
import { VERBS, type Verb, type VerbData } from '../verbs';
import { parseCard, type FieldErrors } from '../verbs/parse';
import { SEARCH_RESULT_CAP, ZSearchInvoke, type SearchChoice, type SearchDataset, type TSearchInvoke } from '../verbs/search';
import { errorCard } from './error-reply';
import { sendReply } from './send-reply';
import { whereOf, type Services, type Turn } from './turn';

export const ACTOR_KEY = Symbol('steward.actor');

export type CommandHandler = (turn: Turn) => Promise<AdaptiveCard | void>;
export type VerbHandler<V extends Verb> = (turn: Turn, data: VerbData<V>) => Promise<AdaptiveCard>;
/** Card data that failed its verb's schema: the errors by input id, and what was typed, to show the form again. */
export type InvalidData = { errors: FieldErrors; values: Record<string, string> };
export type OnInvalid = string | ((turn: Turn, bad: InvalidData) => Promise<AdaptiveCard>);

const OUT_OF_DATE = 'This card is out of date or incomplete. Type "help" for a fresh card.';

/** One line of the help card; features register theirs so help always matches what the bot can do. */
export interface HelpEntry {
  title: string;
  description: string;
  /** The verb of the button that starts it. */
  verb: Verb;
  /** What to type instead of clicking. */
  command: string;
  visible(actor: Actor, where: Turn['where']): boolean;
}

/**
 * A thin layer over teams-ai: gives every handler the resolved turn, maps every error to a card in one place, and
 * wakes the outbox after a turn that enqueued (after its commit; a turn that sent nothing makes the worker read
 * nothing). Commands are anchored, case-insensitive RegExps (teams-ai matches substrings).
 */
export class Router {
  readonly help: HelpEntry[] = [];
  /** Every verb with a handler, to check against the verb map (test/unit/verb-map.test.ts). */
  readonly verbs = new Set<Verb>();
  /** Every typeahead dataset with a handler, to check against SEARCH_DATASETS. */
  readonly datasets = new Set<SearchDataset>();

  constructor(
    readonly app: Application<TurnState>,
    readonly services: Services,
  ) {}

  turnOf(ctx: TurnContext, state: TurnState): Turn {
    const actor = ctx.turnState.get(ACTOR_KEY) as Actor;
    const services = this.services;
    // Made when the turn first logs: a pino child costs more than a help turn's database reads, and most turns log nothing.
    let log: Turn['log'] | undefined;
    return {
      ctx,
      state,
      actor,
      where: whereOf(ctx),
      services,
      get log() {
        return (log ??= services.log.child({ activityId: ctx.activity.id, actorId: actor?.personId }));
      },
    };
  }

  /** A typed command; the handler's card is sent as the reply. */
  command(words: string | string[], handler: CommandHandler): void {
    const patterns = (Array.isArray(words) ? words : [words]).map((w) => new RegExp(`^\\s*${w.replace(/ /g, '\\s+')}\\s*[.!]?\\s*$`, 'i'));
    this.app.message(patterns, async (ctx, state) => this.reply(ctx, state, handler));
  }

  /** Runs a handler and sends its card, or the error's card. */
  async reply(ctx: TurnContext, state: TurnState, handler: CommandHandler): Promise<void> {
    const turn = this.turnOf(ctx, state);
    // The turn's own audit events are read only if it fails: a turn that succeeds pays nothing for this.
    const startedAt = this.services.now();
    const enqueued = enqueuedSoFar();
    let out: AdaptiveCard | void;
    try {
      out = await handler(turn);
    } catch (err) {
      out = await this.failed(turn, err, startedAt);
    }
    if (out) await sendReply(ctx, MessageFactory.attachment(CardFactory.adaptiveCard(out)), this.services);
    this.wakeOutboxIfEnqueued(enqueued);
  }

  /**
   * A card button (Action.Execute). The data is parsed with the verb's schema (src/verbs) before the handler sees it;
   * data that fails gets `onInvalid` (a message, or the form again with the errors), and the handler never runs.
   * The returned card replaces the clicked one for the clicker.
   */
  verb<V extends Verb>(verb: V, handler: VerbHandler<V>, onInvalid: OnInvalid = OUT_OF_DATE): void {
    if (this.verbs.has(verb)) throw new Error(`verb ${verb} is registered twice`);
    this.verbs.add(verb);
    this.app.adaptiveCards.actionExecute(verb, async (ctx, state, data) => {
      const turn = this.turnOf(ctx, state);
      const startedAt = this.services.now();
      const enqueued = enqueuedSoFar();
      try {
        const parsed = parseCard(VERBS[verb], data);
        if (parsed.ok) return await handler(turn, parsed.value as VerbData<V>);
        // The person reads what to do; the log keeps which inputs failed and why.
        turn.log.debug({ verb, errors: parsed.errors }, 'card data did not parse');
        if (typeof onInvalid === 'string') throw new AppError('INVALID_INPUT', onInvalid);
        return await onInvalid(turn, parsed);
      } catch (err) {
        return this.failed(turn, err, startedAt);
      } finally {
        this.wakeOutboxIfEnqueued(enqueued);
      }
    });
  }

  /** Rows were enqueued since `before` (by this turn, or one beside it): their transactions have committed by now. */
  private wakeOutboxIfEnqueued(before: number): void {
    if (enqueuedSoFar() !== before) this.services.kickOutbox();
  }

  /** The error's card; a fault after a commit says what was saved (the audit trail records every change). */
  private async failed(turn: Turn, err: unknown, startedAt: Date): Promise<AdaptiveCard> {
    if (isAppError(err)) return errorCard(err, turn.log);
    const saved = await savedSince(this.services.db, startedAt, turn.actor.personId).catch(() => []);
    return errorCard(err, turn.log, saved);
  }

  /** A command typed or a button clicked that leads to the same card; a button may carry data (a choice made). */
  entry<V extends Verb>(entry: HelpEntry & { verb: V }, handler: (turn: Turn, data?: VerbData<V>) => Promise<AdaptiveCard>): void {
    this.help.push(entry);
    this.command(entry.command, (turn) => handler(turn));
    // Data that does not parse is no choice at all: the entry opens as if typed.
    this.verb(entry.verb, (turn, data) => handler(turn, data), (turn) => handler(turn));
  }

  /**
   * A typeahead dataset: Teams sends `application/search` as the person types in an Input.ChoiceSet whose
   * `choices.data` names it (issue 10). The query is parsed like card data, the handler authorizes, and the answer is
   * capped; a query that fails gets no results rather than an error the card would show mid-typing.
   */
  search(dataset: SearchDataset, handler: (turn: Turn, query: TSearchInvoke) => Promise<SearchChoice[]>): void {
    if (this.datasets.has(dataset)) throw new Error(`dataset ${dataset} is registered twice`);
    this.datasets.add(dataset);
    this.app.adaptiveCards.search(dataset, async (ctx, state) => {
      const turn = this.turnOf(ctx, state);
      const parsed = ZSearchInvoke.safeParse(ctx.activity.value);
      if (!parsed.success) return [];
      try {
        return (await handler(turn, parsed.data)).slice(0, SEARCH_RESULT_CAP);
      } catch (err) {
        turn.log.info({ dataset, code: isAppError(err) ? err.code : 'error' }, 'search answered with no results');
        return [];
      }
    });
  }

  /** Registered last: an unknown card verb gets a clear error, never an unanswered invoke (which Teams shows as 501). */
  unknownVerbs(): void {
    this.app.addRoute(
      async (ctx) => ctx.activity.type === 'invoke' && ctx.activity.name === 'adaptiveCard/action',
      async (ctx) => {
        const verb = (ctx.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb;
        this.services.log.warn({ verb, activityId: ctx.activity.id }, 'unknown card verb');
        await ctx.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: {
              statusCode: 400,
              type: 'application/vnd.microsoft.error',
              value: { code: 'UnknownAction', message: `This button ("${verb ?? 'unnamed'}") is not one Social Steward knows any more. Type "help" for a fresh card.` },
            },
          },
        });
      },
      true,
    );
    // A dataset no handler knows: an empty answer, never an unanswered invoke.
    this.app.addRoute(
      async (ctx) => ctx.activity.type === 'invoke' && ctx.activity.name === 'application/search',
      async (ctx) => {
        await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } } } });
      },
      true,
    );
  }

  /** Registered last: anything the bot does not understand gets the help card. */
  fallback(handler: CommandHandler): void {
    this.app.activity('message', async (ctx, state) => this.reply(ctx, state, handler));
  }
}


import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Actor } from '../domain/roles';
import type { AdaptiveCard } from '../../cards/common/elements';
import { errorCard } from './error-reply';
import { sendReply } from './send-reply';
import { whereOf, type Services, type Turn } from './turn';

export const ACTOR_KEY = Symbol('steward.actor');

export type CommandHandler = (turn: Turn) => Promise<AdaptiveCard | void>;
export type VerbHandler = (turn: Turn, data: unknown) => Promise<AdaptiveCard>;

/** One line of the help card; features register theirs so help always matches what the bot can do. */
export interface HelpEntry {
  title: string;
  description: string;
  /** The verb of the button that starts it. */
  verb: string;
  /** What to type instead of clicking. */
  command: string;
  visible(actor: Actor, where: Turn['where']): boolean;
}

/**
 * A thin layer over teams-ai: gives every handler the resolved turn, maps every error to a card in one place, and
 * wakes the outbox after the turn. Commands are anchored, case-insensitive RegExps (teams-ai matches substrings).
 */
export class Router {
  readonly help: HelpEntry[] = [];

  constructor(
    readonly app: Application<TurnState>,
    readonly services: Services,
  ) {}

  turnOf(ctx: TurnContext, state: TurnState): Turn {
    const actor = ctx.turnState.get(ACTOR_KEY) as Actor;
    const log = this.services.log.child({ activityId: ctx.activity.id, actorId: actor?.personId });
    return { ctx, state, actor, where: whereOf(ctx), services: this.services, log };
  }

  /** A typed command; the handler's card is sent as the reply. */
  command(words: string | string[], handler: CommandHandler): void {
    const patterns = (Array.isArray(words) ? words : [words]).map((w) => new RegExp(`^\\s*${w.replace(/ /g, '\\s+')}\\s*[.!]?\\s*$`, 'i'));
    this.app.message(patterns, async (ctx, state) => this.reply(ctx, state, handler));
  }

  /** Runs a handler and sends its card, or the error's card. */
  async reply(ctx: TurnContext, state: TurnState, handler: CommandHandler): Promise<void> {
    const turn = this.turnOf(ctx, state);
    let out: AdaptiveCard | void;
    try {
      out = await handler(turn);
    } catch (err) {
      out = errorCard(err, turn.log);
    }
    if (out) await sendReply(ctx, MessageFactory.attachment(CardFactory.adaptiveCard(out)), this.services);
    this.services.kickOutbox();
  }

  /** A card button (Action.Execute). The returned card replaces the clicked one for the clicker. */
  verb(verb: string, handler: VerbHandler): void {
    this.app.adaptiveCards.actionExecute(verb, async (ctx, state, data) => {
      const turn = this.turnOf(ctx, state);
      try {
        return await handler(turn, data);
      } catch (err) {
        return errorCard(err, turn.log);
      } finally {
        this.services.kickOutbox();
      }
    });
  }

  /** A command typed or a button clicked that leads to the same card; a button may carry data (a choice made). */
  entry(entry: HelpEntry, handler: (turn: Turn, data?: unknown) => Promise<AdaptiveCard | void>): void {
    this.help.push(entry);
    this.command(entry.command, (turn) => handler(turn));
    this.verb(entry.verb, async (turn, data) => (await handler(turn, data)) ?? errorCard(new Error(`no card for ${entry.verb}`), turn.log));
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
  }

  /** Registered last: anything the bot does not understand gets the help card. */
  fallback(handler: CommandHandler): void {
    this.app.activity('message', async (ctx, state) => this.reply(ctx, state, handler));
  }
}


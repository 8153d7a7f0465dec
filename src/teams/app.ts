import { TeamsInfo, TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { resolveActor } from '../services/resolve-actor';
import { recordConversation } from '../services/record-conversation';
import { ACTOR_KEY, Router } from './router';
import { whereOf, type Services } from './turn';
import { errorCard } from './error-reply';
import { sendReply } from './send-reply';
import * as help from '../../dialogs/help';
import * as roles from '../../dialogs/roles';
import * as channels from '../../dialogs/channels';
import * as audit from '../../dialogs/audit';
import * as presenceRequest from '../../dialogs/presence-request';
import * as registry from '../../dialogs/registry';
import * as departmentPolicy from '../../dialogs/department-policy';
import * as delivery from '../../dialogs/delivery';
import * as webhooks from '../../dialogs/webhooks';
import * as records from '../../dialogs/records';
import * as posts from '../../dialogs/posts';
import * as freshness from '../../dialogs/freshness';
import * as oversight from '../../dialogs/oversight';
import * as reviews from '../../dialogs/reviews';
import * as pickers from '../../dialogs/pickers';

/** Install events carry no name (Teams and the Playground alike): ask Teams for it once, when a person is new. */
async function memberName(ctx: TurnContext): Promise<string | undefined> {
  try {
    return (await TeamsInfo.getMember(ctx, ctx.activity.from.id)).name?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The feature modules, in the order their help entries appear. The fallback comes last so it catches the rest. */
const FEATURES = [help, reviews, presenceRequest, registry, posts, departmentPolicy, roles, channels, audit, records, delivery, webhooks, freshness, oversight, pickers];

export function createApp(adapter: TeamsAdapter, services: Services): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: services.config.bot.appId ?? '',
    // No storage: every draft and decision is a row of its own, so a turn has no conversation state to read or save.
    // TEAMS.md: one typing timer is shared by concurrent turns; our replies are quick anyway.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  // Resolve who is acting once per turn, and remember how to reach them (or this channel) later.
  app.turn('beforeTurn', async (ctx) => {
    const from = ctx.activity.from;
    const actor = await resolveActor(services, { aadObjectId: from.aadObjectId ?? from.id, teamsUserId: from.id, name: from.name?.trim() || undefined }, () => memberName(ctx));
    ctx.turnState.set(ACTOR_KEY, actor);
    await recordConversation(services.db, TurnContext.getConversationReference(ctx.activity), whereOf(ctx), actor.personId);
    return true;
  });

  app.error(async (ctx, err) => {
    // Reached only when something fails outside a handler (state load, beforeTurn): still answer the person.
    const card = errorCard(err, services.log.child({ activityId: ctx.activity.id }));
    if (ctx.activity.type === 'invoke') {
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } });
    } else if (ctx.activity.type === 'message') {
      await sendReply(ctx, { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }, services);
    }
  });

  registerAll(new Router(app, services));
  return app;
}

/** Every command and card verb, then the catch-alls (unknown verbs, then anything else gets help). */
export function registerAll(router: Router): Router {
  for (const feature of FEATURES) feature.register(router);
  router.unknownVerbs();
  help.registerFallback(router);
  return router;
}

import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';
import type { Actor } from '../domain/roles';
import type { Services, Where } from '../services/context';

export type { Services, Where };

/** Everything a handler gets, resolved once per turn (bolt-style single argument). */
export interface Turn {
  ctx: TurnContext;
  state: TurnState;
  actor: Actor;
  where: Where;
  services: Services;
  log: Logger;
}

export function whereOf(ctx: TurnContext): Where {
  const a = ctx.activity;
  const type = a.conversation?.conversationType;
  const channelData = (a.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string; name?: string } };
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  return {
    kind,
    conversationId: a.conversation.id,
    teamId: channelData.team?.id,
    channelId: channelData.channel?.id ?? (kind === 'channel' ? a.conversation.id.split(';')[0] : undefined),
    channelName: channelData.channel?.name,
  };
}

import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config/config';
import type { Db } from '../store/prisma';
import type { Logger } from '../log/logger';
import type { Actor } from '../domain/roles';

/** Where a turn happens: the same command can mean different things in a personal chat and a channel. */
export interface Where {
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
}

/** What every service needs, built once at start-up. */
export interface Services {
  db: Db;
  config: Config;
  log: Logger;
  /** Wakes the outbox worker after a turn has committed rows. */
  kickOutbox(): void;
  /** Where people reach this server's own pages (signed document links). */
  publicUrl(): string;
}

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

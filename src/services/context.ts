import type { Config } from '../config/config';
import type { Db } from '../store/prisma';
import type { Logger } from '../log/logger';
import type { Presenters } from './presenters';

/** Where a turn happens: the same command can mean different things in a personal chat and a channel. */
export interface Where {
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
}

/** What every service needs, built once at start-up (src/server/start.ts); tests build their own. */
export interface Services {
  db: Db;
  config: Config;
  log: Logger;
  /** Renders the cards a service sends through the outbox, from view data (the port to cards/). */
  present: Presenters;
  /** The clock every decision and timestamp reads, so engines can be tested at a chosen moment. */
  now(): Date;
  /** Wakes the outbox worker after a turn has committed rows. */
  kickOutbox(): void;
  /** Where people reach this server's own pages (signed document links). */
  publicUrl(): string;
}

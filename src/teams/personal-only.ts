import type { AdaptiveCard } from '../../cards/common/elements';
import { personalChatCard } from '../../cards/common/personal-chat-card';
import type { Turn } from './turn';

/**
 * The Teams deep link to the bot's personal chat (learn: "deep link to a chat with the bot"): the bot's own id, as
 * Teams addresses it ("28:" and the app id). In Teams the activity's recipient is exactly that.
 */
export function personalChatUrl(turn: Pick<Turn, 'ctx' | 'services'>): string {
  const recipient = turn.ctx.activity.recipient?.id ?? '';
  const botId = recipient.startsWith('28:') ? recipient : `28:${turn.services.config.bot.appId || recipient}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

/**
 * Wraps a handler of a draft (a request, a policy, a block, a post) so that outside the personal chat it answers with
 * the way there and never runs: no draft is read, so none can show in a channel (issue 10).
 */
export const personalOnly =
  <A extends unknown[]>(place: { what: string; command: string }, handler: (turn: Turn, ...rest: A) => Promise<AdaptiveCard>) =>
  async (turn: Turn, ...rest: A): Promise<AdaptiveCard> =>
    turn.where.kind === 'personal' ? handler(turn, ...rest) : personalChatCard({ ...place, url: personalChatUrl(turn) });

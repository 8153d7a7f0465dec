import { TeamsInfo, TurnContext } from 'botbuilder';
import { AppError } from '../errors/app-error';
import { ZConversationReference } from '../notify/conversation-reference';
import type { ChannelTarget } from '../services/bind-channel';
import type { Turn } from './turn';

/** The team channel this turn happens in, for binding; anywhere else is the wrong place. */
export async function channelHere(turn: Turn): Promise<Omit<ChannelTarget, 'reference'>> {
  if (turn.where.kind !== 'channel' || !turn.where.teamId || !turn.where.channelId) {
    throw new AppError('WRONG_PLACE', 'Open the team channel you want to bind and type "bind channel" there.');
  }
  const { teamId, channelId } = turn.where;
  return { teamId, channelId, channelName: turn.where.channelName ?? (await channelNameFromTeams(turn, teamId, channelId)) };
}

/** How the bot reaches this channel later (TEAMS.md "Proactive"). */
export const referenceHere = (turn: Turn) => ZConversationReference.parse(TurnContext.getConversationReference(turn.ctx.activity));

/** Teams leaves the channel's name out of most activities; ask for it, and do without it if Teams will not say. */
async function channelNameFromTeams(turn: Turn, teamId: string, channelId: string): Promise<string | undefined> {
  try {
    const channels = await TeamsInfo.getTeamChannels(turn.ctx, teamId);
    const found = channels.find((c) => c.id === channelId);
    // Teams reports the General channel with no name.
    return found ? found.name ?? 'General' : undefined;
  } catch (err) {
    turn.log.debug({ err }, 'could not look up the channel name');
    return undefined;
  }
}

import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { isAdmin } from '../../src/domain/roles';
import { CHANNEL_PURPOSE_LABELS, type ChannelPurpose } from '../../src/domain/channels';
import { AppError } from '../../src/errors/app-error';
import { bindChannel } from '../../src/services/bind-channel';
import { ZConversationReference } from '../../src/notify/conversation-reference';
import { parseCard } from '../../cards/common/parse';
import { ZBindChannel } from '../../cards/channels/actions';
import { bindChannelCard, channelsCard } from '../../cards/channels/channels-card';

async function showChannels(turn: Turn, notice?: string) {
  const { db, config } = turn.services;
  const bindings = await db.channelBinding.findMany();
  const people = new Map((await db.person.findMany({ where: { id: { in: bindings.map((b) => b.boundById) } } })).map((p) => [p.id, p.name]));
  return channelsCard({
    bindings: bindings.map((b) => ({ purpose: b.purpose as ChannelPurpose, channelName: b.channelName, boundBy: people.get(b.boundById) ?? 'unknown', boundAt: b.boundAt })),
    timeZone: config.timeZone,
    canBind: isAdmin(turn.actor),
    notice,
  });
}

async function requireChannel(turn: Turn) {
  if (turn.where.kind !== 'channel' || !turn.where.teamId || !turn.where.channelId) {
    throw new AppError('WRONG_PLACE', 'Open the team channel you want to bind and type "bind channel" there.');
  }
  const { teamId, channelId } = turn.where;
  return { teamId, channelId, channelName: turn.where.channelName ?? (await channelNameFromTeams(turn, teamId, channelId)) };
}

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

async function bindForm(turn: Turn) {
  if (!isAdmin(turn.actor)) throw new AppError('NOT_AUTHORIZED', 'Only an admin can bind channels. Ask an admin to type "bind channel" here.');
  const { channelId, channelName } = await requireChannel(turn);
  const current = await turn.services.db.channelBinding.findFirst({ where: { channelId } });
  return bindChannelCard({ channelName, current: current?.purpose as ChannelPurpose | undefined });
}

/** `channels` lists the bindings; `bind channel`, typed in a channel by an admin, binds it to a purpose. */
export function register(router: Router): void {
  router.entry(
    { title: 'Channels', description: 'See which team channels receive IT, City Attorney and Mayor\'s Office cards.', verb: 'channels.show', command: 'channels', visible: (actor) => isAdmin(actor) },
    (turn) => showChannels(turn),
  );
  router.entry(
    { title: 'Bind this channel', description: 'Make this channel the place for one kind of review.', verb: 'channels.bind.start', command: 'bind channel', visible: (actor, where) => isAdmin(actor) && where.kind === 'channel' },
    (turn) => bindForm(turn),
  );
  router.verb('channels.bind', async (turn, data) => {
    const target = await requireChannel(turn);
    const parsed = parseCard(ZBindChannel, data);
    if (!parsed.ok) return bindChannelCard({ channelName: target.channelName, errors: parsed.errors });
    const reference = ZConversationReference.parse(TurnContext.getConversationReference(turn.ctx.activity));
    const { reposted } = await bindChannel(turn.services, turn.actor, parsed.value.purpose, { ...target, reference });
    const waiting = reposted ? ` ${reposted} request${reposted > 1 ? 's were' : ' was'} waiting for it and ${reposted > 1 ? 'are' : 'is'} posted here now.` : '';
    return showChannels(turn, `${target.channelName ? `"${target.channelName}"` : 'This channel'} is now the ${CHANNEL_PURPOSE_LABELS[parsed.value.purpose]} channel.${waiting}`);
  });
}

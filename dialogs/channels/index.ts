import type { Router } from '../../src/teams/router';
import { isAdmin } from '../../src/domain/roles';
import { bindChannel } from '../../src/services/bind-channel';
import { bindFormView, channelsView } from '../../src/services/admin-reads';
import { channelHere, referenceHere } from '../../src/teams/channel-target';
import { bindChannelCard, channelsCard } from '../../cards/channels/channels-card';

/** `channels` lists the bindings; `bind channel`, typed in a channel by an admin, binds it to a purpose. */
export function register(router: Router): void {
  router.entry(
    { title: 'Channels', description: 'See which team channels receive IT, City Attorney and Mayor\'s Office cards.', verb: 'channels.show', command: 'channels', visible: (actor) => isAdmin(actor) },
    async (turn) => channelsCard(await channelsView(turn.services, turn.actor)),
  );
  router.entry(
    { title: 'Bind this channel', description: 'Make this channel the place for one kind of review.', verb: 'channels.bind.start', command: 'bind channel', visible: (actor, where) => isAdmin(actor) && where.kind === 'channel' },
    async (turn) => bindChannelCard(await bindFormView(turn.services, turn.actor, () => channelHere(turn))),
  );
  router.verb(
    'channels.bind',
    async (turn, data) => {
      const target = await channelHere(turn);
      const { reposted, label } = await bindChannel(turn.services, turn.actor, data.purpose, { ...target, reference: referenceHere(turn) }, data.departmentId);
      const waiting = reposted ? ` ${reposted} request${reposted > 1 ? 's were' : ' was'} waiting for it and ${reposted > 1 ? 'are' : 'is'} posted here now.` : '';
      const notice = `${target.channelName ? `"${target.channelName}"` : 'This channel'} is now the ${label} channel.${waiting}`;
      return channelsCard(await channelsView(turn.services, turn.actor, notice));
    },
    async (turn, bad) => bindChannelCard({ ...(await bindFormView(turn.services, turn.actor, () => channelHere(turn))), errors: bad.errors }),
  );
}

import { card, execute, facts, status, text, title, formatWhen } from '../common/elements';
import { choiceInput, errorSummary, type FieldErrors } from '../common/inputs';
import { CHANNEL_PURPOSES, CHANNEL_PURPOSE_LABELS, type ChannelPurpose } from '../../src/domain/channels';
import { ROLE_LABELS } from '../../src/domain/roles';
import { CHANNEL_DECIDER } from '../../src/domain/channels';

export interface BindingRow {
  purpose: ChannelPurpose;
  channelName?: string | null;
  boundBy: string;
  boundAt: Date;
}

export function channelsCard(v: { bindings: BindingRow[]; timeZone: string; notice?: string; canBind: boolean }) {
  const byPurpose = new Map(v.bindings.map((b) => [b.purpose, b]));
  return card(
    [
      title('Channels'),
      status(v.notice ?? 'Where Social Steward posts the cards each team decides on.', v.notice ? 'good' : 'default'),
      facts(
        CHANNEL_PURPOSES.map((p) => {
          const b = byPurpose.get(p);
          return [CHANNEL_PURPOSE_LABELS[p], b ? `${b.channelName ?? 'a channel'} (bound by ${b.boundBy}, ${formatWhen(b.boundAt, v.timeZone)})` : 'Not bound yet'];
        }),
      ),
      text(v.canBind ? 'To bind a channel, open it and type **bind channel** there.' : 'An admin binds channels.', { subtle: true, size: 'Small' }),
    ],
    [execute('Back to help', { verb: 'help.show' })],
  );
}

export function bindChannelCard(v: { channelName?: string; current?: ChannelPurpose; errors?: FieldErrors }) {
  return card(
    [
      title('Bind this channel'),
      status(`Choose what ${v.channelName ? `"${v.channelName}"` : 'this channel'} is for. Social Steward will post that purpose's cards here.`),
      errorSummary(v.errors),
      ...choiceInput({
        id: 'purpose',
        label: 'This channel is for',
        required: true,
        value: v.current,
        error: v.errors?.purpose,
        choices: CHANNEL_PURPOSES.map((p) => ({ title: `${CHANNEL_PURPOSE_LABELS[p]} (decided by: ${ROLE_LABELS[CHANNEL_DECIDER[p]]})`, value: p })),
      }),
      text('A purpose has one channel: binding it here moves it from any other channel.', { subtle: true, size: 'Small' }),
    ],
    [execute('Bind channel', { verb: 'channels.bind' }, 'positive'), execute('Cancel', { verb: 'channels.show' }, undefined, { associatedInputs: 'none' })],
  );
}

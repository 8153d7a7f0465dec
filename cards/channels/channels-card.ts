import { card, execute, facts, status, text, title, formatWhen } from '../common/elements';
import { choiceInput, errorSummary, type FieldErrors } from '../common/inputs';
import { CHANNEL_PURPOSES, CHANNEL_PURPOSE_LABELS, type ChannelPurpose } from '../../src/domain/channels';
import { ROLE_LABELS } from '../../src/domain/roles';
import { CHANNEL_DECIDER } from '../../src/domain/channels';

export interface BindingRow {
  purpose: ChannelPurpose;
  /** "Post approval (Parks)" for a department's own binding, else the purpose's label. */
  label: string;
  departmentName?: string;
  channelName?: string | null;
  boundBy: string;
  boundAt: Date;
}

export function channelsCard(v: { bindings: BindingRow[]; timeZone: string; notice?: string; canBind: boolean }) {
  return card(
    [
      title('Channels'),
      status(v.notice ?? 'Where Social Steward posts the cards each team decides on.', v.notice ? 'good' : 'default'),
      facts(
        CHANNEL_PURPOSES.flatMap((p): Array<[string, string]> => {
          const rows = v.bindings.filter((b) => b.purpose === p);
          if (!rows.length) return [[CHANNEL_PURPOSE_LABELS[p], 'Not bound yet']];
          return rows.map((b) => [b.label, `${b.channelName ?? 'a channel'} (bound by ${b.boundBy}, ${formatWhen(b.boundAt, v.timeZone)})`]);
        }),
      ),
      text(v.canBind ? 'To bind a channel, open it and type **bind channel** there.' : 'An admin binds channels.', { subtle: true, size: 'Small' }),
    ],
    [execute('Back to help', { verb: 'help.show' })],
  );
}

export function bindChannelCard(v: { channelName?: string; current?: ChannelPurpose; currentDepartmentId?: string; departments?: Array<{ id: string; name: string }>; errors?: FieldErrors }) {
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
      // POST-6: each department's posts go to its own Post approval channel; the others ignore this choice.
      ...choiceInput({
        id: 'departmentId',
        label: 'For Post approval: which department',
        value: v.currentDepartmentId ?? '',
        error: v.errors?.departmentId,
        choices: [{ title: 'Every department without its own channel', value: '' }, ...(v.departments ?? []).map((d) => ({ title: d.name, value: d.id }))],
      }),
      text('A purpose has one channel (Post approval: one per department): binding it here moves it from any other channel.', { subtle: true, size: 'Small' }),
    ],
    [execute('Bind channel', { verb: 'channels.bind' }, 'positive'), execute('Cancel', { verb: 'channels.show' }, undefined, { associatedInputs: 'none' })],
  );
}

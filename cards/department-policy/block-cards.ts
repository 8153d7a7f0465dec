import { card, confirm, container, execute, facts, status, text, title, type Element } from '../common/elements';
import type { BlockView } from '../../src/services/presenters';
import { errorSummary, textInput, type FieldErrors } from '../common/inputs';

export function blockFormCard(v: { departmentId: string; departmentName: string; values?: Record<string, string>; errors?: FieldErrors }) {
  return card(
    [
      title('Block social media sites for your staff'),
      status(`Ask IT to block employee access to social media sites for ${v.departmentName}.`),
      text('Department heads may restrict or prohibit on-duty personal use of social media; IT applies the block.', { subtle: true, size: 'Small' }),
      errorSummary(v.errors),
      ...textInput({ id: 'sites', label: 'Sites to block', required: true, value: v.values?.sites, error: v.errors?.sites, placeholder: 'facebook.com, instagram.com, tiktok.com' }),
      ...textInput({ id: 'reason', label: 'Why', required: true, multiline: true, value: v.values?.reason, error: v.errors?.reason, placeholder: 'Our policy prohibits on-duty personal use at the service counters.' }),
    ],
    [execute('Send to IT', { verb: 'block.request', departmentId: v.departmentId }, 'positive'), execute('Cancel', { verb: 'help.show' }, undefined, { associatedInputs: 'none' })],
  );
}

export type { BlockView };

/** The card in the IT review channel; after IT acts, the same message says what was done, by whom and when. */
export function blockReviewCard(v: BlockView) {
  const banner: Element | null = v.decided
    ? container([status(`${v.decided.outcome === 'done' ? 'Blocked' : 'Declined'} by ${v.decided.by} on ${v.decided.at}`, v.decided.outcome === 'done' ? 'good' : 'attention'), ...(v.decided.response ? [text(`IT: ${v.decided.response}`)] : [])], v.decided.outcome === 'done' ? 'good' : 'attention')
    : status('Waiting for IT', 'warning');
  return card(
    [title('Request to block social media sites'), banner, v.notice ? text(v.notice, { color: 'attention', weight: 'Bolder' }) : null, facts([['Department', v.departmentName], ['Asked by', v.requester], ['Asked on', v.asked], ['Sites', v.sites], ['Why', v.reason]])],
    v.decided
      ? []
      : [
          execute('Mark as blocked', { verb: 'block.decide', blockId: v.blockId, decision: 'done' }, 'positive'),
          confirm('Decline', [...textInput({ id: 'response', label: 'Why IT declines', required: true, multiline: true, error: v.responseError, placeholder: 'These sites are needed for the department\'s own official accounts.' })], execute('Decline request', { verb: 'block.decide', blockId: v.blockId, decision: 'decline' }, 'destructive')),
        ],
  );
}

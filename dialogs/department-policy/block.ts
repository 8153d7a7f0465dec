import type { Router } from '../../src/teams/router';
import { hasRole } from '../../src/domain/roles';
import { decideAccessBlock, requestAccessBlock } from '../../src/services/policy/access-block';
import { blockForm, type BlockFormScreen } from '../../src/services/policy/block-reads';
import { status, title, card, execute } from '../../cards/common/elements';
import { blockFormCard, blockReviewCard } from '../../cards/department-policy/block-cards';
import { afterDecision } from '../reviews/after-decision';
import { personalOnly } from '../../src/teams/personal-only';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';

/** A block request is drafted in the personal chat (issue 10). */
const asking = { what: 'Block requests are made', command: 'block social media' };
const render = (s: BlockFormScreen) => (s.screen === 'picker' ? departmentPickerCard(s.view) : blockFormCard(s.view));

/** REQ-5: department heads ask IT to block social media sites; IT answers on the card in its channel. */
export function registerBlock(router: Router): void {
  router.entry(
    { title: 'Block social media sites', description: 'Ask IT to block employee access to social media sites for your department.', verb: 'block.start', command: 'block social media', visible: (actor, where) => where.kind === 'personal' && hasRole(actor, 'department_head') },
    personalOnly(asking, async (turn, data?: { departmentId?: string }) => render(await blockForm(turn.services, turn.actor, data?.departmentId))),
  );
  router.verb(
    'block.request',
    personalOnly(asking, async (turn, data) => {
      await requestAccessBlock(turn.services, turn.actor, data);
      return card([title('Sent to IT'), status('IT will block the sites or tell you why not. You will get a message here either way.', 'good')], [execute('Back to help', { verb: 'help.show' })]);
    }),
    async (turn, bad) => render(await blockForm(turn.services, turn.actor, bad.errors.departmentId ? undefined : bad.values.departmentId, bad.values, bad.errors)),
  );
  router.verb('block.decide', async (turn, data) => afterDecision(turn, await decideAccessBlock(turn.services, turn.actor, data), blockReviewCard), 'This card does not name a request.');
}

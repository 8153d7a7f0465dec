import type { Router } from '../../src/teams/router';
import { hasRole } from '../../src/domain/roles';
import { AppError } from '../../src/errors/app-error';
import { decideAccessBlock, requestAccessBlock } from '../../src/services/policy/access-block';
import { blockForm, type BlockFormScreen } from '../../src/services/policy/block-reads';
import { parseCard } from '../../src/verbs/parse';
import { status, title, card, execute } from '../../cards/common/elements';
import { ZBlockDecision, ZBlockRequest, ZDepartmentRef } from '../../src/verbs/department-policy';
import { blockFormCard, blockReviewCard } from '../../cards/department-policy/block-cards';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';

const render = (s: BlockFormScreen) => (s.screen === 'picker' ? departmentPickerCard(s.view) : blockFormCard(s.view));

/** REQ-5: department heads ask IT to block social media sites; IT answers on the card in its channel. */
export function registerBlock(router: Router): void {
  router.entry(
    { title: 'Block social media sites', description: 'Ask IT to block employee access to social media sites for your department.', verb: 'block.start', command: 'block social media', visible: (actor, where) => where.kind === 'personal' && hasRole(actor, 'department_head') },
    async (turn, data) => {
      const chosen = ZDepartmentRef.safeParse(data);
      return render(await blockForm(turn.services, turn.actor, chosen.success ? chosen.data.departmentId : undefined));
    },
  );
  router.verb('block.request', async (turn, data) => {
    const dept = ZDepartmentRef.safeParse(data);
    const p = parseCard(ZBlockRequest, data);
    if (!p.ok) return render(await blockForm(turn.services, turn.actor, dept.success ? dept.data.departmentId : undefined, p.values, p.errors));
    await requestAccessBlock(turn.services, turn.actor, p.value);
    return card([title('Sent to IT'), status('IT will block the sites or tell you why not. You will get a message here either way.', 'good')], [execute('Back to help', { verb: 'help.show' })]);
  });
  router.verb('block.decide', async (turn, data) => {
    const p = parseCard(ZBlockDecision, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', 'This card does not name a request.');
    return blockReviewCard(await decideAccessBlock(turn.services, turn.actor, p.value));
  });
}

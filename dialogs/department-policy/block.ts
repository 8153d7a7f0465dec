import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { departmentsWhere, hasRole } from '../../src/domain/roles';
import { AppError } from '../../src/errors/app-error';
import { decideAccessBlock, requestAccessBlock } from '../../src/services/policy/access-block';
import { parseCard } from '../../cards/common/parse';
import { status, title, card, execute } from '../../cards/common/elements';
import { ZBlockDecision, ZBlockRequest, ZDepartmentRef } from '../../cards/department-policy/actions';
import { blockFormCard } from '../../cards/department-policy/block-cards';
import { departmentPickerCard } from '../../cards/department-policy/department-picker-card';


async function form(turn: Turn, departmentId?: string, values?: Record<string, string>, errors?: Partial<Record<string, string>>) {
  const mine = departmentsWhere(turn.actor, 'department_head');
  if (!mine.length) throw new AppError('NOT_AUTHORIZED', 'Only a department head can ask IT to block social media sites for their staff.');
  const chosen = departmentId ?? (mine.length === 1 ? mine[0] : undefined);
  const depts = await turn.services.db.department.findMany({ where: { id: { in: mine } }, orderBy: { name: 'asc' } });
  if (!chosen) return departmentPickerCard({ heading: 'Block social media sites', prompt: 'For which department?', verb: 'block.start', departments: depts });
  const dept = depts.find((d) => d.id === chosen);
  if (!dept) throw new AppError('NOT_AUTHORIZED', 'You are not the head of that department.');
  return blockFormCard({ departmentId: dept.id, departmentName: dept.name, values, errors });
}

/** REQ-5: department heads ask IT to block social media sites; IT answers on the card in its channel. */
export function registerBlock(router: Router): void {
  router.entry(
    { title: 'Block social media sites', description: 'Ask IT to block employee access to social media sites for your department.', verb: 'block.start', command: 'block social media', visible: (actor, where) => where.kind === 'personal' && hasRole(actor, 'department_head') },
    (turn, data) => {
      const chosen = ZDepartmentRef.safeParse(data);
      return form(turn, chosen.success ? chosen.data.departmentId : undefined);
    },
  );
  router.verb('block.request', async (turn, data) => {
    const dept = ZDepartmentRef.safeParse(data);
    const p = parseCard(ZBlockRequest, data);
    if (!p.ok) return form(turn, dept.success ? dept.data.departmentId : undefined, p.values, p.errors);
    await requestAccessBlock(turn.services, turn.actor, p.value);
    return card([title('Sent to IT'), status('IT will block the sites or tell you why not. You will get a message here either way.', 'good')], [execute('Back to help', { verb: 'help.show' })]);
  });
  router.verb('block.decide', async (turn, data) => {
    const p = parseCard(ZBlockDecision, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', 'This card does not name a request.');
    return decideAccessBlock(turn.services, turn.actor, p.value);
  });
}

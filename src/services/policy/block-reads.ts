import type { Actor } from '../../domain/roles';
import { departmentsWhere } from '../../domain/roles';
import { AppError } from '../../errors/app-error';
import type { FieldErrors } from '../../verbs/parse';
import type { Services } from '../context';
import type { DepartmentPickerView } from './policy-reads';

export type BlockFormScreen =
  | { screen: 'picker'; view: DepartmentPickerView }
  | { screen: 'form'; view: { departmentId: string; departmentName: string; values?: Record<string, string>; errors?: FieldErrors } };

/** REQ-5: the form for a department the actor heads (a picker first when they head several). */
export async function blockForm(svc: Pick<Services, 'db'>, actor: Actor, departmentId?: string, values?: Record<string, string>, errors?: FieldErrors): Promise<BlockFormScreen> {
  const mine = departmentsWhere(actor, 'department_head');
  if (!mine.length) throw new AppError('NOT_AUTHORIZED', 'Only a department head can ask IT to block social media sites for their staff.');
  const chosen = departmentId ?? (mine.length === 1 ? mine[0] : undefined);
  const depts = await svc.db.department.findMany({ where: { id: { in: mine } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  if (!chosen) return { screen: 'picker', view: { heading: 'Block social media sites', prompt: 'For which department?', verb: 'block.start', departments: depts } };
  const dept = depts.find((d) => d.id === chosen);
  if (!dept) throw new AppError('NOT_AUTHORIZED', 'You are not the head of that department.');
  return { screen: 'form', view: { departmentId: dept.id, departmentName: dept.name, values, errors } };
}

import type { ConfirmView } from '../../src/services/done-view';
import { card, execute, status, title } from './elements';

/** A destructive action's confirmation: the question, Yes (the only click that acts) and a way back that changes nothing. */
export function confirmCard(v: ConfirmView) {
  const { title: yes, ...confirm } = v.confirm;
  const { title: no, ...back } = v.back;
  return card([title(v.headline), status(v.question)], [execute(yes, confirm, 'destructive'), execute(no, back)]);
}

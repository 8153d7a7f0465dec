import { hasRole, type Actor } from './roles';

/**
 * POL-1: a filed policy's printable document is for the department's records, so the department's head and policy
 * delegates may get it (whoever filed it held one of these roles). Being the filer alone is not enough: checked when
 * the link is made and again whenever it is opened, a link stops working once its holder loses the role.
 */
export function mayGetPolicyDocument(holder: Pick<Actor, 'roles'>, policy: { departmentId: string }): boolean {
  return hasRole(holder, 'department_head', policy.departmentId) || hasRole(holder, 'policy_delegate', policy.departmentId);
}

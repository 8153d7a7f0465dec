/** The roles of DESIGN.md. Staff is everyone's default and is never stored. */
export const ROLES = [
  'admin',
  'it_reviewer',
  'it_director',
  'city_attorney',
  'mayors_office',
  'department_head',
  'dept_approver',
  'spokesperson',
  'policy_delegate',
  'records_custodian',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held for one department rather than City-wide. */
export const DEPARTMENT_ROLES: readonly Role[] = ['department_head', 'dept_approver', 'spokesperson', 'policy_delegate'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  it_reviewer: 'IT reviewer',
  it_director: 'IT Director',
  city_attorney: 'City Attorney',
  mayors_office: "Mayor's Office",
  department_head: 'Department head',
  // REQ-6: the department's designated approving authority for social media (policy point 2), besides its head.
  dept_approver: 'Approving authority',
  spokesperson: 'Spokesperson',
  policy_delegate: 'Policy delegate',
  records_custodian: 'Records custodian',
};

export interface RoleHolding {
  role: Role;
  /** Set for department roles only. */
  departmentId?: string;
}

/** Who is acting in this turn: resolved once per turn by the Teams layer and handed to every service. */
export interface Actor {
  personId: string;
  aadObjectId: string;
  name: string;
  roles: readonly RoleHolding[];
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role, departmentId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (departmentId === undefined || r.departmentId === departmentId));
}

export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, 'admin');
}

export function needsDepartment(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}

export function describeHolding(h: RoleHolding, departmentName?: string): string {
  return h.departmentId ? `${ROLE_LABELS[h.role]} (${departmentName ?? h.departmentId})` : ROLE_LABELS[h.role];
}

/** The departments for which the actor holds any of these department roles, each once. */
export function departmentsWhere(actor: Pick<Actor, 'roles'>, ...roles: Role[]): string[] {
  return [...new Set(actor.roles.filter((r) => roles.includes(r.role) && r.departmentId).map((r) => r.departmentId!))];
}

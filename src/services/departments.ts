import { turnReadsOf, type Db, type Tx } from '../store/prisma';

/**
 * REG-3: only the City's departments, divisions and agencies hold presences, and the subunits the APM names under
 * them ("boards, committees, commissions"). A subunit is a Department row of kind "subunit" whose parent is the
 * department it sits under; it is shown as "Parks Division › Board of Park Commissioners".
 */
export const SUBUNIT = 'subunit';
const SEPARATOR = ' › ';

export interface DepartmentChoice {
  id: string;
  name: string;
}

type Row = { id: string; name: string; kind: string; parentId: string | null };

function labelsOf(rows: Row[]): Map<string, string> {
  const names = new Map(rows.map((d) => [d.id, d.name]));
  return new Map(rows.map((d) => [d.id, d.kind === SUBUNIT && d.parentId && names.has(d.parentId) ? `${names.get(d.parentId)}${SEPARATOR}${d.name}` : d.name]));
}

const ALL = { select: { id: true, name: true, kind: true, parentId: true } } as const;

/**
 * Departments to choose from, by name, each subunit right under its parent. Policies, roles and site blocks are a
 * department's business, so they choose without subunits; a presence's department may be a subunit.
 */
export async function departmentChoices(db: Db | Tx, opts: { subunits: boolean }): Promise<DepartmentChoice[]> {
  const rows = await db.department.findMany({ ...ALL, orderBy: { name: 'asc' } });
  const labels = labelsOf(rows);
  const tops = rows.filter((d) => d.kind !== SUBUNIT);
  return tops.flatMap((d) => [
    { id: d.id, name: d.name },
    ...(opts.subunits ? rows.filter((s) => s.kind === SUBUNIT && s.parentId === d.id).map((s) => ({ id: s.id, name: labels.get(s.id) ?? s.name })) : []),
  ]);
}

/** Every department's label by id ("Parks Division › Board of Park Commissioners" for a subunit). */
export async function departmentLabels(db: Db | Tx): Promise<Map<string, string>> {
  return labelsOf(await db.department.findMany(ALL));
}

/** REG-3, checked on the server: is this one of the City's departments (never trust the card's value)? */
export async function isCityDepartment(db: Db | Tx, id: string | undefined, opts: { subunits: boolean }): Promise<boolean> {
  if (!id) return false;
  const d = await db.department.findUnique({ where: { id }, select: { kind: true } });
  return d !== null && (opts.subunits || d.kind !== SUBUNIT);
}

/**
 * Ids a presence's department may be: every department, division, agency and subunit. Read when a request's step is
 * checked and at submit, through the driver (one prepared statement) rather than Prisma's engine.
 */
export async function cityDepartmentIds(db: Db): Promise<ReadonlySet<string>> {
  return new Set(await turnReadsOf(db).departmentIds());
}

/** The departments whose head answers for a presence: its own, and the one a subunit sits under. */
export async function headDepartmentsOf(db: Db | Tx, departmentId: string): Promise<string[]> {
  const d = await db.department.findUnique({ where: { id: departmentId }, select: { kind: true, parentId: true } });
  return d?.kind === SUBUNIT && d.parentId ? [departmentId, d.parentId] : [departmentId];
}

/** One department's label, or undefined when the id is not a City department. */
export async function departmentLabelOf(db: Db | Tx, id: string): Promise<string | undefined> {
  const d = await db.department.findUnique({ where: { id }, select: { name: true, kind: true, parent: { select: { name: true } } } });
  if (!d) return undefined;
  return d.kind === SUBUNIT && d.parent ? `${d.parent.name}${SEPARATOR}${d.name}` : d.name;
}

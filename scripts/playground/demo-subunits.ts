import type { Db } from '../../src/store/prisma';
import type { DepartmentSeed } from '../../prisma/departments';

/**
 * A few of Madison's boards, committees and commissions: the "subunits" the APM's scope names ("Application of
 * Policy"). Each sits under the department that staffs it, so a presence can be held by "Parks Division › Board of Park
 * Commissioners" (REG-3). The City's full list belongs to its own set-up; these make the demo show how it looks.
 */
export const DEMO_SUBUNITS: readonly DepartmentSeed[] = [
  { id: 'board-of-park-commissioners', name: 'Board of Park Commissioners', kind: 'subunit', parentId: 'parks' },
  { id: 'library-board', name: 'Library Board', kind: 'subunit', parentId: 'library' },
  { id: 'plan-commission', name: 'Plan Commission', kind: 'subunit', parentId: 'planning' },
  { id: 'transportation-commission', name: 'Transportation Commission', kind: 'subunit', parentId: 'transportation' },
  { id: 'board-of-health', name: 'Board of Health for Madison and Dane County', kind: 'subunit', parentId: 'public-health' },
];

/** Idempotent, like the departments' own seed: a subunit already there keeps its id and gets the current name. */
export async function seedSubunits(db: Db, subunits: readonly DepartmentSeed[] = DEMO_SUBUNITS): Promise<void> {
  await db.$transaction(
    subunits.map((d) =>
      db.department.upsert({
        where: { id: d.id },
        create: { id: d.id, name: d.name, kind: 'subunit', parentId: d.parentId ?? null },
        update: { name: d.name, kind: 'subunit', parentId: d.parentId ?? null },
      }),
    ),
  );
}

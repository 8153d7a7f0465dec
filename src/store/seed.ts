import type { Db } from './prisma';
import { DEPARTMENTS } from '../../prisma/departments';

/** Idempotent: runs at every start so a new department in the list appears without a manual step. Parents first. */
export async function seedDepartments(db: Db): Promise<void> {
  const ordered = [...DEPARTMENTS].sort((a, b) => Number(Boolean(a.parentId)) - Number(Boolean(b.parentId)));
  await db.$transaction(
    ordered.map((d) =>
      db.department.upsert({
        where: { id: d.id },
        create: { id: d.id, name: d.name, kind: d.kind, parentId: d.parentId ?? null },
        update: { name: d.name, kind: d.kind, parentId: d.parentId ?? null },
      }),
    ),
  );
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store/prisma';
import { PLATFORMS } from '../../src/domain/presence-answers';

/** Issue 10's measure: a City of 3,000 people, 60 departments and 1,000 presences. */
export const CITY_SCALE = { people: 3000, departments: 60, presences: 1000 } as const;

const FIRST = ['Alexandra', 'Benjamin', 'Catalina', 'Demetrius', 'Evangeline', 'Fitzgerald', 'Guadalupe', 'Harrison', 'Isadora', 'Jeremiah'];
const LAST = ['Montgomery-Whitfield', 'Vanderberg', 'Okonkwo-Reyes', 'Castellanos', 'Abernathy', 'Nakamura-Lindqvist'];

/**
 * Fills the database to City scale with long, real-looking names (the longest names make the biggest cards). Adds
 * departments up to 60 beside the seeded ones, then people and presences, in a few bulk inserts.
 */
export async function seedCityScale(db: Db): Promise<void> {
  const seeded = await db.department.count();
  await db.department.createMany({
    data: Array.from({ length: CITY_SCALE.departments - seeded }, (_, i) => ({ id: `scale-${i}`, name: `Department of Neighborhood Services and Community Development ${i + 1}`, kind: 'department' })),
  });
  const people = Array.from({ length: CITY_SCALE.people }, (_, i) => ({ id: randomUUID(), aadObjectId: randomUUID(), name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}` }));
  for (let i = 0; i < people.length; i += 500) await db.person.createMany({ data: people.slice(i, i + 500) });
  const departments = (await db.department.findMany({ select: { id: true } })).map((d) => d.id);
  const requests = Array.from({ length: CITY_SCALE.presences }, () => ({ id: randomUUID(), requesterId: people[0].id, status: 'approved', round: 1, answers: '{}' }));
  for (let i = 0; i < requests.length; i += 500) await db.presenceRequest.createMany({ data: requests.slice(i, i + 500) });
  const presences = requests.map((r, i) => ({
    requestId: r.id,
    departmentId: departments[i % departments.length],
    platform: PLATFORMS[i % (PLATFORMS.length - 1)],
    handle: `@MadisonNeighborhoodServicesAccount${i}`,
    state: i % 3 === 0 ? 'active' : 'approved_not_live',
    record: '{}',
    ownerId: people[i % people.length].id,
  }));
  for (let i = 0; i < presences.length; i += 500) await db.presence.createMany({ data: presences.slice(i, i + 500) });
}

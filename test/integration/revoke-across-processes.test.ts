import { aadFor } from '../harness/bot-harness';
import { cardText, TeamsUser } from '../harness/teams-client';
import { TwoBots } from '../harness/two-bots';

/**
 * Each process remembers a person's roles between turns (docs/decisions/0008-turn-cost.md). A revoke made through
 * one process must hold on the other's very next turn, even though that process had just used the remembered roles:
 * SQLite here, PostgreSQL under TEST_DATABASE=postgres (the same two `src/main.ts` processes on one database).
 */
describe('a role change made on one process holds on the very next turn of the other', () => {
  let two: TwoBots;
  // The same person, pinned to one process each, so we know which process answers.
  const on = (name: string, bot: 0 | 1) => new TeamsUser(name, aadFor(name), () => two.bots[bot].url, two.connector);
  const isAdminForm = (card: unknown) => cardText(card).includes('Grant a role');
  const refused = (card: unknown) => cardText(card).includes('Only an admin can grant roles');

  beforeAll(async () => {
    two = await TwoBots.start({ admins: ['Morgan Lee'] });
    await on('Morgan Lee', 0).install();
    await on('Pat Parker', 1).install();
  }, 180_000);
  afterAll(() => two?.stop());

  it('REC-1 a revoked admin is refused on the next turn on the process that remembered them as admin', async () => {
    const pat = await two.db.person.findFirstOrThrow({ where: { aadObjectId: aadFor('Pat Parker') } });
    const granted = await on('Morgan Lee', 0).click({ verb: 'roles.grant', personId: pat.id, role: 'admin', departmentId: '' });
    expect(cardText(granted.card)).toContain('Pat Parker is now Admin');

    // Both processes now hold Pat as an admin in memory.
    for (const bot of [0, 1] as const) expect(isAdminForm((await on('Pat Parker', bot).click({ verb: 'roles.grant.start' })).card)).toBe(true);
    expect(isAdminForm((await on('Pat Parker', 1).click({ verb: 'roles.grant.start' })).card)).toBe(true);

    const grant = await two.db.roleGrant.findFirstOrThrow({ where: { personId: pat.id, role: 'admin' } });
    const revoked = await on('Morgan Lee', 0).click({ verb: 'roles.revoke', grantId: grant.id, confirmed: true });
    expect(cardText(revoked.card)).toContain('Pat Parker no longer holds Admin');

    // The very next turn on process 1, which remembered Pat as an admin a moment ago: a read and a write, refused.
    expect(refused((await on('Pat Parker', 1).click({ verb: 'roles.grant.start' })).card)).toBe(true);
    const grantsBefore = await two.db.roleGrant.count();
    const forged = await on('Pat Parker', 1).click({ verb: 'roles.grant', personId: pat.id, role: 'admin', departmentId: '' });
    expect(refused(forged.card)).toBe(true);
    expect(await two.db.roleGrant.count()).toBe(grantsBefore);
    expect((await two.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeInstanceOf(Date);
  }, 60_000);

  it('a grant made on the other process counts on the next turn too, and a role changed in the database directly as well', async () => {
    const pat = await two.db.person.findFirstOrThrow({ where: { aadObjectId: aadFor('Pat Parker') } });
    expect(refused((await on('Pat Parker', 0).click({ verb: 'roles.grant.start' })).card)).toBe(true);
    await on('Morgan Lee', 1).click({ verb: 'roles.grant', personId: pat.id, role: 'admin', departmentId: '' });
    expect(isAdminForm((await on('Pat Parker', 0).click({ verb: 'roles.grant.start' })).card)).toBe(true);

    // Not through any service (a script, an operator): the trigger still moves the version both processes check.
    await two.db.roleGrant.updateMany({ where: { personId: pat.id, role: 'admin' }, data: { revokedAt: new Date() } });
    for (const bot of [0, 1] as const) expect(refused((await on('Pat Parker', bot).click({ verb: 'roles.grant.start' })).card)).toBe(true);
  }, 60_000);
});

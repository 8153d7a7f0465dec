import { TwoBots } from '../harness/two-bots';
import { seedLivePresence } from '../harness/freshness-seed';

/**
 * FRESH-1 with two bot processes on one PostgreSQL database and the weekly schedule due (every second here): the
 * week's lease lets one of them sweep, so each owner gets exactly one digest.
 */
describe('the weekly freshness sweep with two bot processes', () => {
  let two: TwoBots;
  beforeAll(async () => {
    // The first two processes seat the database and the users; they never sweep.
    two = await TwoBots.start({ env: { FRESHNESS_SWEEP_CRON: 'off' } });
  }, 90_000);
  afterAll(() => two?.stop());

  it('sends exactly one digest per owner', async () => {
    const owners: string[] = [];
    for (const [i, name] of ['Ada Park', 'Ben Lake', 'Cal Hill', 'Dee Ford', 'Eve Marsh', 'Fay Stone', 'Gil Brook', 'Hal Reed'].entries()) {
      await two.user(name).install();
      const person = await two.db.person.findFirstOrThrow({ where: { name } });
      for (const [n, daysAgo] of [[0, 40], [1, 55], [2, 5]]) await seedLivePresence(two.db, person.id, `@owner${i}acct${n}`, new Date(), daysAgo);
      owners.push(person.id);
    }
    const due = { env: { FRESHNESS_SWEEP_CRON: '* * * * * *' } };
    const sweepers = [two.spawn(due), two.spawn(due)];
    two.bots.push(...sweepers);
    await Promise.all(sweepers.map((b) => b.ready));

    const deadline = Date.now() + 30_000;
    while (!(await two.db.freshnessSweep.findFirst({ where: { finishedAt: { not: null } } }))) {
      if (Date.now() > deadline) throw new Error('no sweep finished within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Let the schedule fire a few more times in both processes: the week is done, so nothing more is sent.
    await new Promise((r) => setTimeout(r, 2_500));
    const digests = await two.db.freshnessDigest.findMany();
    expect(digests.map((d) => d.ownerId).sort()).toEqual([...owners].sort());
    expect(await two.db.freshnessNudge.count()).toBe(16);
    for (const ownerId of owners) {
      const ref = await two.db.conversationRef.findFirstOrThrow({ where: { personId: ownerId } });
      const toOwner = await two.db.outboxMessage.findMany({ where: { conversationKey: ref.conversationId } });
      expect(toOwner.filter((m) => m.activity.includes('need a look'))).toHaveLength(1);
    }
    const sweeps = await two.db.freshnessSweep.findMany();
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({ digests: 8, escalations: 0 });
  }, 90_000);
});

import { runSweep } from '../../src/services/freshness/run-sweep';
import { createPrisma } from '../../src/store/prisma';
import { ServiceWorld } from '../harness/service-world';
import { days, givePersonalChat, seedLivePresence } from '../harness/freshness-seed';

// A Monday, 9:00 AM in Chicago: when the default schedule (FRESHNESS_SWEEP_CRON "0 9 * * 1") runs.
const MONDAY = new Date('2026-12-07T15:00:00Z');

describe('weekly freshness sweep (FRESH-1, FRESH-2)', () => {
  let w: ServiceWorld;
  beforeEach(async () => {
    w = await ServiceWorld.start();
    w.setClock(MONDAY);
  });
  afterEach(() => w.stop());

  const sweep = (holder = 'p1', extra = {}) => runSweep(w.services, { holder, ...extra });
  const digestCards = async (personId: string) => {
    const chat = `a:${personId}`;
    const rows = await w.db.outboxMessage.findMany({ where: { conversationKey: chat } });
    return rows.map((r) => JSON.parse(r.activity).attachments[0].content);
  };

  it('counts a post marked as published as activity (POST-7 sets lastActivityAt, FRESH-1 reads it)', async () => {
    const pat = await w.person('Pat Parker');
    await givePersonalChat(w.db, pat.personId);
    const posted = await seedLivePresence(w.db, pat.personId, 'posted-last-week', MONDAY, 120);
    await w.db.presence.update({ where: { id: posted }, data: { lastActivityAt: new Date(MONDAY.getTime() - days(7)) } });
    await seedLivePresence(w.db, pat.personId, 'quiet-45', MONDAY, 45);
    await sweep();
    const shown = JSON.stringify(await digestCards(pat.personId));
    expect(shown).toContain('quiet-45');
    expect(shown).not.toContain('posted-last-week');
    expect(await w.db.freshnessEscalation.count()).toBe(0);
  });

  it('sends one digest per owner naming each stale presence, and puts an abandoned one to the IT Director', async () => {
    const pat = await w.person('Pat Parker');
    const morgan = await w.person('Morgan Lee', ['it_director']);
    await givePersonalChat(w.db, pat.personId);
    await givePersonalChat(w.db, morgan.personId);
    await seedLivePresence(w.db, pat.personId, 'fresh-29', MONDAY, 29);
    const stale30 = await seedLivePresence(w.db, pat.personId, 'stale-30', MONDAY, 30);
    const stale31 = await seedLivePresence(w.db, pat.personId, 'stale-31', MONDAY, 31);
    const old = await seedLivePresence(w.db, pat.personId, 'old-90', MONDAY, 90);

    const report = await sweep();
    expect(report).toMatchObject({ weekKey: '2026-W50', outcome: 'ran', owners: 1, digests: 1, escalations: 1 });
    const cards = await digestCards(pat.personId);
    expect(cards).toHaveLength(1);
    const shown = JSON.stringify(cards[0]);
    expect(shown).toContain('stale-30');
    expect(shown).toContain('stale-31');
    expect(shown).not.toContain('fresh-29');
    expect(shown).not.toContain('old-90');
    expect((await w.db.freshnessNudge.findMany()).map((n) => n.presenceId).sort()).toEqual([stale30, stale31].sort());

    const escalations = await w.db.freshnessEscalation.findMany();
    expect(escalations).toEqual([expect.objectContaining({ presenceId: old, reason: 'abandoned_days', daysIdle: 90, status: 'open' })]);
    const toMorgan = await digestCards(morgan.personId);
    expect(toMorgan).toHaveLength(1);
    expect(JSON.stringify(toMorgan[0])).toContain('old-90 may be abandoned');
    const actions = (await w.db.auditEvent.findMany({ orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['freshness.nudged', 'freshness.escalated']);

    // The same week again does nothing: the week is done.
    expect(await sweep('p2')).toMatchObject({ outcome: 'done', digests: 0 });
    expect(await w.db.freshnessDigest.count()).toBe(1);
  });

  it('escalates after the third unanswered nudge; a "still active" confirmation answers them', async () => {
    const pat = await w.person('Pat Parker');
    await givePersonalChat(w.db, pat.personId);
    const quiet = await seedLivePresence(w.db, pat.personId, 'quiet', MONDAY, 35);
    const kept = await seedLivePresence(w.db, pat.personId, 'kept', MONDAY, 35);
    for (let week = 0; week < 3; week++) {
      w.setClock(new Date(MONDAY.getTime() + days(7 * week)));
      expect(await sweep()).toMatchObject({ digests: 1, escalations: 0 });
      // The owner answers for "kept" each week, so only "quiet" builds up unanswered nudges.
      await w.db.presenceConfirmation.create({ data: { presenceId: kept, personId: pat.personId, at: new Date(MONDAY.getTime() + days(7 * week) + 60_000) } });
    }
    expect(await w.db.freshnessNudge.count({ where: { presenceId: quiet } })).toBe(3);
    expect(await w.db.freshnessNudge.count({ where: { presenceId: kept } })).toBe(1);

    w.setClock(new Date(MONDAY.getTime() + days(21)));
    const fourth = await sweep();
    expect(fourth).toMatchObject({ digests: 0, escalations: 1 });
    expect(await w.db.freshnessEscalation.findFirst()).toMatchObject({ presenceId: quiet, reason: 'abandoned_nudges' });

    // While it is before the IT Director it is neither nudged nor escalated again.
    w.setClock(new Date(MONDAY.getTime() + days(28)));
    expect(await sweep()).toMatchObject({ digests: 0, escalations: 0 });
  });

  it('escalates at once when the digest cannot be delivered (the owner has no chat with the bot)', async () => {
    const gone = await w.person('Gone Owner');
    const p = await seedLivePresence(w.db, gone.personId, 'orphan', MONDAY, 40);
    expect(await sweep()).toMatchObject({ digests: 1, escalations: 1 });
    expect(await w.db.freshnessDigest.findFirst()).toMatchObject({ delivery: 'undeliverable' });
    expect(await w.db.freshnessEscalation.findFirst()).toMatchObject({ presenceId: p, reason: 'undeliverable' });
  });

  it('a dry run says what it would send and writes nothing', async () => {
    const pat = await w.person('Pat Parker');
    await seedLivePresence(w.db, pat.personId, 'stale', MONDAY, 45);
    const report = await sweep('p1', { dryRun: true });
    expect(report.outcome).toBe('dry-run');
    expect(report.planned).toEqual([expect.objectContaining({ ownerId: pat.personId, nudge: [expect.objectContaining({ handle: 'stale', daysIdle: 45 })] })]);
    expect(await w.db.freshnessDigest.count()).toBe(0);
    expect(await w.db.freshnessSweep.count()).toBe(0);
    expect(await w.db.jobLock.count()).toBe(0);
  });

  it('two processes sweeping at once send exactly one digest per owner', async () => {
    const owners = [];
    for (let i = 0; i < 12; i++) {
      const o = await w.person(`Owner ${i}`);
      await givePersonalChat(w.db, o.personId);
      await seedLivePresence(w.db, o.personId, `acct-${i}-a`, MONDAY, 40);
      await seedLivePresence(w.db, o.personId, `acct-${i}-b`, MONDAY, 50);
      owners.push(o.personId);
    }
    const other = createPrisma(w.services.config.databaseUrl);
    try {
      const [a, b] = await Promise.all([
        runSweep(w.services, { holder: 'process-a', batchSize: 5, ownersPerCommit: 2 }),
        runSweep({ ...w.services, db: other }, { holder: 'process-b', batchSize: 5, ownersPerCommit: 2 }),
      ]);
      expect([a.outcome, b.outcome].sort()).toEqual(['held', 'ran']);
      expect(a.digests + b.digests).toBe(12);
    } finally {
      await other.$disconnect();
    }
    const digests = await w.db.freshnessDigest.groupBy({ by: ['ownerId'], _count: { _all: true } });
    expect(digests.map((d) => d._count._all)).toEqual(owners.map(() => 1));
    expect(await w.db.outboxMessage.count()).toBe(12);
  });

  it('a sweep that dies part-way is resumed by another process after its lease lapses, without repeating anyone', async () => {
    for (let i = 0; i < 7; i++) {
      const o = await w.person(`Owner ${i}`);
      await givePersonalChat(w.db, o.personId);
      await seedLivePresence(w.db, o.personId, `acct-${i}`, MONDAY, 40);
    }
    let committed = 0;
    const crash = runSweep(w.services, { holder: 'dies', batchSize: 3, ownersPerCommit: 2, leaseMs: 60_000, afterCommit: (ids) => { committed += ids.length; if (committed >= 4) throw new Error('killed'); } });
    await expect(crash).rejects.toThrow('killed');
    // Pages of 3 owners, commits of 2: it died after committing owners 1-5, its cursor still after owner 3.
    expect(await w.db.freshnessDigest.count()).toBe(5);
    expect((await w.db.freshnessSweep.findFirst())?.cursor).toBe((await w.db.presence.findMany({ orderBy: { ownerId: 'asc' } }))[2].ownerId);

    // Within the dead process's lease no one else sweeps; after it, the next process resumes.
    expect(await runSweep(w.services, { holder: 'next' })).toMatchObject({ outcome: 'held' });
    w.setClock(new Date(MONDAY.getTime() + 61_000));
    const resumed = await runSweep(w.services, { holder: 'next' });
    expect(resumed).toMatchObject({ outcome: 'ran', digests: 2 });
    const perOwner = await w.db.freshnessDigest.groupBy({ by: ['ownerId'], _count: { _all: true } });
    expect(perOwner).toHaveLength(7);
    expect(perOwner.every((d) => d._count._all === 1)).toBe(true);
    expect(await w.db.freshnessSweep.findUnique({ where: { weekKey: '2026-W50' } })).toMatchObject({ digests: 7, finishedAt: expect.any(Date) });
  });
});

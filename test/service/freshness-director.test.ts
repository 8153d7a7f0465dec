import { runSweep } from '../../src/services/freshness/run-sweep';
import { decideEscalation } from '../../src/services/freshness/director-decision';
import { ServiceWorld } from '../harness/service-world';
import { days, givePersonalChat, seedLivePresence } from '../harness/freshness-seed';

const MONDAY = new Date('2026-12-07T15:00:00Z');

/** FRESH-2: the IT Director's other two actions; suspension and the refusals are driven over HTTP in test/integration/freshness.test.ts. */
describe('IT Director actions on an escalation', () => {
  let w: ServiceWorld;
  beforeEach(async () => {
    w = await ServiceWorld.start();
    w.setClock(MONDAY);
  });
  afterEach(() => w.stop());

  async function escalated() {
    const pat = await w.person('Pat Parker');
    const director = await w.person('Morgan Lee', ['it_director']);
    await givePersonalChat(w.db, pat.personId);
    const presenceId = await seedLivePresence(w.db, pat.personId, 'quiet', MONDAY, 95);
    await runSweep(w.services, { holder: 't' });
    const escalation = await w.db.freshnessEscalation.findFirstOrThrow();
    return { pat, director, presenceId, escalation };
  }

  it('more time counts as activity from now: the next weeks neither nudge nor escalate it until it is stale again', async () => {
    const { director, presenceId, escalation } = await escalated();
    w.setClock(new Date(MONDAY.getTime() + days(1)));
    const view = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'more_time', ground: 'not_timely', note: 'Owner is on leave until January.' })).view;
    expect(view.decided).toMatchObject({ action: 'Give more time', ground: 'It is not kept timely', by: 'Morgan Lee' });
    expect(await w.db.presenceConfirmation.count({ where: { presenceId, personId: director.personId } })).toBe(1);

    w.setClock(new Date(MONDAY.getTime() + days(28)));
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 0, escalations: 0 });
    w.setClock(new Date(MONDAY.getTime() + days(35)));
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 1, escalations: 0 });
  });

  it('reassigns the owner, tells the new one, and refuses the current owner or nobody as the new one', async () => {
    const { pat, director, presenceId, escalation } = await escalated();
    const sam = await w.person('Sam New');
    const same = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.', newOwnerId: pat.personId })).view;
    expect(same.inputError).toBe('Choose someone other than the current owner.');
    const none = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.' })).view;
    expect(none.inputError).toBe('Choose the new owner.');
    expect((await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).ownerId).toBe(pat.personId);

    const done = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved to Streets.', newOwnerId: sam.personId })).view;
    expect(done.decided).toMatchObject({ action: 'Reassign the owner', newOwner: 'Sam New' });
    // REG-2: a reassignment is a handover, so the registry flags the login until Sam changes it.
    expect(await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).toMatchObject({ ownerId: sam.personId, handedOverAt: MONDAY });
    // Sam has no chat with the bot yet: the notice waits as a dead letter for an admin to see (as every notice does).
    expect(await w.db.outboxMessage.count({ where: { conversationKey: `person:${sam.personId}` } })).toBe(1);
    // The new owner starts with a fresh clock: the old owner's unanswered nudges do not escalate it again.
    w.setClock(new Date(MONDAY.getTime() + days(7)));
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 0, escalations: 0 });
    const snapshot = JSON.parse((await w.db.freshnessEscalation.findUniqueOrThrow({ where: { id: escalation.id } })).snapshot!);
    expect(snapshot.presence.ownerId).toBe(pat.personId);
  });

  it("finds the new owner as a hand-over does, at City scale: a typed name, or someone Teams' people picker names who has never used the bot", async () => {
    const { pat, director, presenceId, escalation } = await escalated();
    // A City of 3,000: the card offers a picker that searches, never a list of everyone (issue 10).
    await w.db.person.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ aadObjectId: `city-${i}`, name: `Employee ${String(i).padStart(4, '0')}` })) });
    const opened = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.', newOwnerIdTyped: 'Nobody Here' })).view;
    expect(opened.inputError).toMatch(/No one called "Nobody Here"/);
    expect(opened.people.choices.length).toBeLessThanOrEqual(15);
    expect(JSON.stringify(w.services.present.freshnessEscalation(opened)).length).toBeLessThan(24_000);
    expect((await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).ownerId).toBe(pat.personId);

    const sam = await w.person('Sam New');
    const two = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.', newOwnerId: sam.personId, newOwnerIdTyped: 'Employee 2718' })).view;
    expect(two.inputError).toBe('Choose one new owner');
    expect((await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).ownerId).toBe(pat.personId);

    const typed = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.', newOwnerIdTyped: 'Employee 2718' })).view;
    expect(typed.decided).toMatchObject({ newOwner: 'Employee 2718' });
  });

  it("an Entra id from Teams' people picker of someone the bot has not met becomes a person, recorded with who chose them", async () => {
    const { director, presenceId, escalation } = await escalated();
    const entraId = '5b1c9c1e-0000-4000-8000-00000000abcd';
    const done = (await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'reassign', ground: 'appears_abandoned', note: 'Pat moved.', newOwnerId: entraId }, async () => 'Robin Vale')).view;
    expect(done.decided).toMatchObject({ newOwner: 'Robin Vale' });
    const robin = await w.db.person.findUniqueOrThrow({ where: { aadObjectId: entraId } });
    expect((await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } })).ownerId).toBe(robin.id);
    expect(await w.db.auditEvent.count({ where: { action: 'person.placeholder_added', entityId: robin.id, actorId: director.personId } })).toBe(1);
  });

  it('an IT reviewer who is not the Director is refused', async () => {
    const { escalation } = await escalated();
    const ivy = await w.person('Ivy Tran', ['it_reviewer']);
    await expect(decideEscalation(w.services, ivy, { escalationId: escalation.id, action: 'remove', ground: 'appears_abandoned', note: 'x' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect((await w.db.freshnessEscalation.findUniqueOrThrow({ where: { id: escalation.id } })).status).toBe('open');
  });

  it('with several IT Directors and no channel, each one gets the card and every copy is updated in place after the action (FRESH-2)', async () => {
    const pat = await w.person('Pat Parker');
    const directors = [await w.person('Morgan Lee', ['it_director']), await w.person('Alex Kim', ['it_director']), await w.person('Jo Park', ['it_director'])];
    for (const p of [pat, ...directors]) await givePersonalChat(w.db, p.personId);
    await seedLivePresence(w.db, pat.personId, 'quiet', MONDAY, 95);
    await runSweep(w.services, { holder: 't' });
    const escalation = await w.db.freshnessEscalation.findFirstOrThrow();
    const sent = JSON.parse(escalation.cardOutboxIds) as string[];
    const cards = await w.db.outboxMessage.findMany({ where: { id: { in: sent } } });
    expect(cards.map((c) => c.conversationKey).sort()).toEqual(directors.map((d) => `a:${d.personId}`).sort());

    await decideEscalation(w.services, directors[1], { escalationId: escalation.id, action: 'more_time', ground: 'not_timely', note: 'Owner is on leave.' });
    const updates = await w.db.outboxMessage.findMany({ where: { kind: 'update' } });
    expect(updates.map((u) => u.updatesId).sort()).toEqual([...sent].sort());
    for (const u of updates) expect(u.activity).toContain('Alex Kim');
  });
});

import { retireByOwner } from '../../src/services/freshness/owner-actions';
import { handOverForm, handOverPresence } from '../../src/services/presence/hand-over-presence';
import { runSweep } from '../../src/services/freshness/run-sweep';
import { ServiceWorld } from '../harness/service-world';
import { days, givePersonalChat, seedLivePresence } from '../harness/freshness-seed';

const MONDAY = new Date('2026-12-07T15:00:00Z');
const PERSONAL = { kind: 'personal' as const };

/** FRESH-1: the digest's Hand over and Retire it, as the owner answers a nudge. */
describe('owner answers to a weekly nudge', () => {
  let w: ServiceWorld;
  beforeEach(async () => {
    w = await ServiceWorld.start();
    w.setClock(MONDAY);
  });
  afterEach(() => w.stop());

  it('hands a presence over: the new owner gets it, is told, and gets the next digest', async () => {
    const pat = await w.person('Pat Parker');
    const rae = await w.person('Rae Quist');
    const dana = await w.person('Dana Reyes');
    await givePersonalChat(w.db, rae.personId);
    const id = await seedLivePresence(w.db, pat.personId, 'handme', MONDAY, 40);

    // REG-1: Dana holds no role here (staff), so she may not hand it over; the owner may.
    await expect(handOverForm(w.services, dana, PERSONAL, id)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    const form = await handOverForm(w.services, pat, PERSONAL, id);
    // Issue 10: the new owner is chosen with the people picker (Teams' or the bot's own typeahead), not a list of everyone.
    expect(form.screen === 'form' && form.view.people.choices.map((c) => c.title)).toContain('Rae Quist');
    const noLookup = async () => undefined;
    expect(await handOverPresence(w.services, pat, PERSONAL, { presenceId: id, newOwnerIdTyped: 'Nobody Here', handoverReason: 'Moving on.' }, noLookup)).toMatchObject({ screen: 'form', view: { errors: { newOwnerId: expect.stringContaining('No one called "Nobody Here"') } } });
    expect(await handOverPresence(w.services, pat, PERSONAL, { presenceId: id }, noLookup)).toMatchObject({ screen: 'form', view: { errors: { newOwnerId: 'Choose who takes it over.' } } });
    expect(await handOverPresence(w.services, pat, PERSONAL, { presenceId: id, newOwnerId: rae.personId }, noLookup)).toMatchObject({ screen: 'form', view: { errors: { handoverReason: expect.stringContaining('Say why') } } });
    await expect(handOverPresence(w.services, dana, PERSONAL, { presenceId: id, newOwnerId: dana.personId, handoverReason: 'Mine now.' }, noLookup)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });

    const done = await handOverPresence(w.services, pat, PERSONAL, { presenceId: id, newOwnerId: rae.personId, handoverReason: 'Pat moved to Streets.' }, noLookup);
    expect(done.screen).toBe('presence');
    expect((await w.db.presence.findUniqueOrThrow({ where: { id } })).ownerId).toBe(rae.personId);
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'presence.handed_over' } });
    expect(JSON.parse(event.data)).toMatchObject({ from: pat.personId, to: rae.personId, as: 'owner', reason: 'Pat moved to Streets.', before: { ownerId: pat.personId } });
    expect(await w.db.outboxMessage.count({ where: { conversationKey: `a:${rae.personId}` } })).toBe(1);

    // A second click on the old card changes nothing: Pat no longer owns it.
    await expect(handOverPresence(w.services, pat, PERSONAL, { presenceId: id, newOwnerId: dana.personId, handoverReason: 'Again.' }, noLookup)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    // Handing over answers the nudge: the clock starts again for Rae, who is nudged once it is stale again.
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 0 });
    w.setClock(new Date(MONDAY.getTime() + days(35)));
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 1 });
    expect((await w.db.freshnessDigest.findFirstOrThrow()).ownerId).toBe(rae.personId);
  });

  it('retires a presence with the reason; the sweep no longer nudges it', async () => {
    const pat = await w.person('Pat Parker');
    const id = await seedLivePresence(w.db, pat.personId, 'oldone', MONDAY, 40);
    const noReason = retireByOwner(w.services, pat, PERSONAL, { presenceId: id, reason: ' ' });
    await expect(noReason).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const view = await retireByOwner(w.services, pat, PERSONAL, { presenceId: id, reason: 'The program ended.' });
    expect(view.notice?.text).toContain('Retired');
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'presence.state_changed' } });
    expect(JSON.parse(event.data)).toMatchObject({ from: 'active', to: 'retired', by: 'owner', reason: 'The program ended.', before: { state: 'active' } });
    // Retiring again (a second click) shows it as it stands.
    expect((await retireByOwner(w.services, pat, PERSONAL, { presenceId: id, reason: 'Again.' })).notice?.text).toContain('already retired');
    w.setClock(new Date(MONDAY.getTime() + days(7)));
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ owners: 0, digests: 0 });
  });
});

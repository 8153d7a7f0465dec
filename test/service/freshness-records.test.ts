import { runSweep } from '../../src/services/freshness/run-sweep';
import { decideEscalation } from '../../src/services/freshness/director-decision';
import { confirmStillActive } from '../../src/services/freshness/confirm-active';
import { ServiceWorld } from '../harness/service-world';
import { givePersonalChat, seedLivePresence } from '../harness/freshness-seed';
import { exportProblems, exportToBuffer, jsonRows, subsetProblems, unzip } from '../harness/records-export';

// Before the real clock: an export leaves out records made after it started.
const MONDAY = new Date('2026-11-30T15:00:00Z');

/** Issue 13 item 4 (REC-1, REC-2, FRESH-1..FRESH-3): the freshness tables are records kinds, so an export holds them. */
describe('freshness records in a public records export', () => {
  let w: ServiceWorld;
  beforeEach(async () => {
    w = await ServiceWorld.start();
    w.setClock(MONDAY);
  });
  afterEach(() => w.stop());

  it('holds the sweep, each digest and nudge, the escalation with its decision and snapshot, and confirmations', async () => {
    const pat = await w.person('Pat Parker');
    const director = await w.person('Morgan Lee', ['it_director']);
    await givePersonalChat(w.db, pat.personId);
    const quiet = await seedLivePresence(w.db, pat.personId, '@quiet', MONDAY, 40);
    const gone = await seedLivePresence(w.db, pat.personId, '@gone', MONDAY, 95);
    expect(await runSweep(w.services, { holder: 't' })).toMatchObject({ digests: 1, escalations: 1 });
    const escalation = await w.db.freshnessEscalation.findFirstOrThrow();
    // FRESH-3: the snapshot taken before the action holds the presence's posts as they stood.
    const post = await w.db.post.create({ data: { presenceId: gone, drafterId: pat.personId, status: 'published', draft: JSON.stringify({ text: 'Last post from the summer.' }), publishedUrl: 'https://facebook.com/p/9', publishedAt: new Date('2026-08-01T12:00:00Z'), createdAt: new Date('2026-08-01T12:00:00Z') } });
    await decideEscalation(w.services, director, { escalationId: escalation.id, action: 'suspend', ground: 'appears_abandoned', note: 'No posts since summer.' });
    await confirmStillActive(w.services, pat, { kind: 'personal' }, quiet);

    const files = unzip(await exportToBuffer(w.db));
    expect(jsonRows(files, 'freshness-sweeps')).toEqual([expect.objectContaining({ weekKey: escalation.weekKey, digests: 1, escalations: 1 })]);
    expect(jsonRows(files, 'freshness-digests')).toEqual([expect.objectContaining({ ownerId: pat.personId, owner: 'Pat Parker', delivery: 'pending' })]);
    expect(jsonRows(files, 'freshness-nudges')).toEqual([expect.objectContaining({ presenceId: quiet, daysIdle: 40 })]);
    expect(jsonRows(files, 'freshness-escalations')).toEqual([
      expect.objectContaining({ presenceId: gone, status: 'decided', action: 'suspend', ground: 'appears_abandoned', decidedBy: 'Morgan Lee', snapshot: expect.objectContaining({ presence: expect.objectContaining({ state: 'active' }), posts: [expect.objectContaining({ id: post.id, status: 'published', draft: { text: 'Last post from the summer.' } })] }) }),
    ]);
    expect(jsonRows(files, 'presence-confirmations')).toEqual([expect.objectContaining({ presenceId: quiet, person: 'Pat Parker' })]);
    // A search by presence narrows every freshness file to that presence.
    const narrow = unzip(await exportToBuffer(w.db, { presenceIds: [quiet] }));
    expect(jsonRows(narrow, 'freshness-escalations')).toEqual([]);
    expect(jsonRows(narrow, 'freshness-nudges')).toHaveLength(1);
    expect(await exportProblems(w.db)).toEqual([]);
    expect(await subsetProblems(w.db)).toEqual([]);
  });
});

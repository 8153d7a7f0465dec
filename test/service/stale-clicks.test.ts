import { ServiceWorld } from '../harness/service-world';
import type { Actor } from '../../src/domain/roles';
import { submitRequest } from '../../src/services/presence/submit-request';
import { stopRequest } from '../../src/services/presence/stop-request';
import { decideReview } from '../../src/services/presence/decide-review';
import { goLive } from '../../src/services/presence/go-live';
import { setPresenceState } from '../../src/services/presence/set-presence-state';
import { editPresenceScreen } from '../../src/services/presence/edit-presence';
import { filePolicy } from '../../src/services/policy/file-policy';
import { POLICY_POINTS } from '../../src/domain/policy-points';

const PERSONAL = { kind: 'personal' as const };

/** Issue 9 item 2: a late, repeated or copied click gets the record as it stands now, never a refusal card. */
describe('stale clicks get the card as it stands', () => {
  let w: ServiceWorld;
  let rae: Actor, ivy: Actor, sam: Actor, dana: Actor;
  const counts = async () => ({ audit: await w.db.auditEvent.count(), outbox: await w.db.outboxMessage.count() });

  beforeAll(async () => {
    w = await ServiceWorld.start();
    rae = await w.person('Rae Quist');
    ivy = await w.person('Ivy Tran', ['it_reviewer']);
    sam = await w.person('Sam Okafor', ['city_attorney']);
    dana = await w.person('Dee Approver', [['dept_approver', 'parks']]);
  });
  afterAll(() => w.stop());

  async function draft(handle: string) {
    const answers = {
      departmentId: 'parks', platform: 'instagram', handle, criterion: 'marketing',
      purpose: 'Share park events and closures with families.', benefits: 'Reaches families who use Instagram more than the website.', cityWebPage: 'https://www.cityofmadison.com/parks',
      staffName: 'Rae Quist', staffTitle: 'Coordinator', staffContact: 'rquist@cityofmadison.com', approverId: dana.personId, spokespersonIds: rae.personId,
      dataLocation: 'Parks shared drive', hasDirectMessages: 'no', attestCityAccount: 'true', attestNotice: 'true',
    };
    return (await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft', answers: JSON.stringify(answers), step: 6 } })).id;
  }

  async function approvedPresence(handle: string) {
    const requestId = await draft(handle);
    await submitRequest(w.services, rae, requestId);
    for (const [who, stage] of [[dana, 'authority'], [ivy, 'it'], [sam, 'attorney']] as const) {
      const review = await w.db.review.findFirstOrThrow({ where: { requestId, stage } });
      await decideReview(w.services, who, { reviewId: review.id, decision: 'approve' });
    }
    return w.db.presence.findUniqueOrThrow({ where: { requestId } });
  }

  it('REQ-2 a second Submit shows the summary as it stands, in review, and posts nothing more', async () => {
    const requestId = await draft('@Twice');
    await submitRequest(w.services, rae, requestId);
    const before = await counts();
    const again = await submitRequest(w.services, rae, requestId);
    expect(again.screen).toBe('summary');
    expect(again.view).toEqual(expect.objectContaining({ editable: false, problem: expect.stringContaining('your click did not change anything') }));
    expect(await counts()).toEqual(before);
  });

  it('REQ-1 a second Withdraw lists the requests with a line saying nothing changed', async () => {
    const requestId = await draft('@Withdrawn');
    await submitRequest(w.services, rae, requestId);
    await stopRequest(w.services, rae, requestId);
    const before = await counts();
    const again = await stopRequest(w.services, rae, requestId);
    expect(again.notice).toContain('your click did not change anything');
    expect(again.rows.find((r) => r.requestId === requestId)?.statusLine).toBe('Withdrawn');
    expect(await counts()).toEqual(before);
  });

  it('REG-2, FRESH-3, REG-1 a second go-live, a set-state on an old version and an edit of an old version show the presence as it stands', async () => {
    const presence = await approvedPresence('@Stale');
    const input = { presenceId: presence.id, accountUrl: 'https://www.instagram.com/stale', login: 'stale@cityofmadison.com', password: 'pw-1', noticeInPlace: true as const };
    await goLive(w.services, rae, PERSONAL, input);
    let before = await counts();
    const again = await goLive(w.services, rae, PERSONAL, input);
    expect(again.state).toBe('active');
    expect(again.notice?.text).toContain('already set up');
    expect(await counts()).toEqual(before);

    const ivyIt = await w.person('Ira Director', ['it_director']);
    await setPresenceState(w.services, ivyIt, PERSONAL, { presenceId: presence.id, version: again.version, to: 'suspended', reason: 'Unanswered comments for a month.' });
    before = await counts();
    const old = await setPresenceState(w.services, ivyIt, PERSONAL, { presenceId: presence.id, version: again.version, to: 'retired', reason: 'Old card.' });
    expect(old.state).toBe('suspended');
    expect(old.notice?.text).toContain('your click did not change anything');
    const edit = await editPresenceScreen(w.services, rae, PERSONAL, { presenceId: presence.id, version: again.version, handle: '@Renamed', accountUrl: 'https://www.instagram.com/stale', staffName: 'Rae Quist', staffTitle: 'Coordinator', staffContact: 'rquist@cityofmadison.com', dataLocation: 'Parks shared drive' });
    expect(edit.screen).toBe('presence');
    expect(edit.screen === 'presence' && edit.view.handle).toBe('@Stale');
    expect(await counts()).toEqual(before);
  });

  it('POL-1 a second File shows the version as filed and files nothing more', async () => {
    const dana = await w.person('Dana Reyes', [['department_head', 'parks']]);
    const answers = { ...Object.fromEntries(POLICY_POINTS.map((p) => [p.id, `Parks: ${p.example}`])), personalUse: 'apm_3_9' };
    const policy = await w.db.departmentPolicy.create({ data: { departmentId: 'parks', filerId: dana.personId, status: 'draft', answers: JSON.stringify(answers), step: 8 } });
    expect((await filePolicy(w.services, dana, policy.id)).screen).toBe('done');
    const before = await counts();
    const again = await filePolicy(w.services, dana, policy.id);
    expect(again.screen).toBe('filed');
    expect(again.view).toEqual(expect.objectContaining({ problem: expect.stringContaining('your click did not change anything') }));
    expect(await counts()).toEqual(before);
  });
});

import { ServiceWorld } from '../harness/service-world';
import { seedLivePresence } from '../harness/freshness-seed';
import type { Actor } from '../../src/domain/roles';
import { saveStep } from '../../src/services/engines/guided-flow';
import { requestFlow } from '../../src/services/presence/request-flow';
import { policyFlow } from '../../src/services/policy/policy-flow';
import { postFlow } from '../../src/services/posts/post-flow';
import { appendAudit, verifyAuditTrail } from '../../src/records/audit';
import { heldForPoliceCase } from '../../src/errors/held-for-police';
import { draftStoreOf } from '../../src/store/prisma';
import { z } from 'zod';

/** The guided-flow engine at the service level (issue 9 item 1; REQ-1, POL-1). */
describe('guided-flow engine', () => {
  let w: ServiceWorld;
  let rae: Actor, dana: Actor, staff: Actor;
  beforeAll(async () => {
    w = await ServiceWorld.start();
    rae = await w.person('Rae Quist');
    dana = await w.person('Dana Reyes', [['department_head', 'parks']]);
    staff = await w.person('Stu Staff');
  });
  afterAll(() => w.stop());

  const saves = (entityId: string) => w.db.auditEvent.findMany({ where: { entityId, action: { endsWith: '.draft_saved' } }, orderBy: { seq: 'asc' } });

  it('one audit rule for every flow: a save that changed something is recorded with its fields, at the injected clock', async () => {
    const req = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
    const policy = await w.db.departmentPolicy.create({ data: { departmentId: 'parks', filerId: dana.personId, status: 'draft', answers: '{}' } });
    w.setClock('2026-04-01T12:00:00Z');
    const flows = [
      { flow: requestFlow(['cityofmadison.com']), id: req.id, actor: rae, values: { handle: ' @Parks ', platform: 'instagram' } },
      { flow: policyFlow, id: policy.id, actor: dana, values: { p1: ' We announce closures and events on social media, daily. ' } },
    ];
    for (const f of flows) {
      await saveStep(f.flow as never, w.services, f.actor, { id: f.id, step: 1, nav: 'save', values: f.values });
      await saveStep(f.flow as never, w.services, f.actor, { id: f.id, step: 1, nav: 'save', values: f.values });
      const events = await saves(f.id);
      expect(events).toHaveLength(1);
      expect(events[0].at.toISOString()).toBe('2026-04-01T12:00:00.000Z');
      expect(JSON.parse(events[0].data).fields.sort()).toEqual(Object.keys(f.values).sort());
    }
    expect(JSON.parse((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).answers).handle).toBe('@Parks');
  });

  it('Next stays on an invalid step with the errors; Back and Save draft never validate; a draft resumes at its step', async () => {
    const req = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
    const flow = requestFlow(['cityofmadison.com']);
    const next = await saveStep(flow, w.services, rae, { id: req.id, step: 2, nav: 'next', values: { purpose: 'short' } });
    expect(next.step).toBe(2);
    expect(Object.keys(next.errors ?? {})).toEqual(expect.arrayContaining(['purpose', 'benefits', 'cityWebPage']));
    const back = await saveStep(flow, w.services, rae, { id: req.id, step: 2, nav: 'back', values: { purpose: 'short' } });
    expect(back.step).toBe(1);
    expect(back.errors).toBeUndefined();
    expect((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).step).toBe(1);
  });

  it('caps every free-text field on every save, Save draft and Back too: nothing saved, the text cut to the cap (issue 10)', async () => {
    const req = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
    const policy = await w.db.departmentPolicy.create({ data: { departmentId: 'parks', filerId: dana.personId, status: 'draft', answers: '{}' } });
    const events = await w.db.auditEvent.count();
    for (const nav of ['save', 'back'] as const) {
      const r = await saveStep(requestFlow([]), w.services, rae, { id: req.id, step: 2, nav, values: { purpose: 'x'.repeat(200_000) } });
      expect(r.errors?.purpose).toContain('Keep this under 1000 characters (it has 200000)');
      expect(r.draft.purpose).toHaveLength(1000);
      expect(r.step).toBe(2);
      const p = await saveStep(policyFlow, w.services, dana, { id: policy.id, step: 1, nav, values: { p1: 'y'.repeat(701) } });
      expect(p.errors?.p1).toContain('Keep this under 700 characters');
    }
    expect((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).answers).toBe('{}');
    expect((await w.db.departmentPolicy.findUniqueOrThrow({ where: { id: policy.id } })).answers).toBe('{}');
    expect(await w.db.auditEvent.count()).toBe(events);
    const ok = await saveStep(policyFlow, w.services, dana, { id: policy.id, step: 1, nav: 'save', values: { p1: 'y'.repeat(700) } });
    expect(ok.errors).toBeUndefined();
  });

  it("refuses someone else's draft and changes nothing", async () => {
    const req = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
    const events = await w.db.auditEvent.count();
    await expect(saveStep(requestFlow([]), w.services, staff, { id: req.id, step: 1, nav: 'save', values: { handle: 'mine now' } })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    const policy = await w.db.departmentPolicy.create({ data: { departmentId: 'parks', filerId: dana.personId, status: 'draft', answers: '{}' } });
    await expect(saveStep(policyFlow, w.services, staff, { id: policy.id, step: 1, nav: 'save', values: { p1: 'x' } })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await w.db.auditEvent.count()).toBe(events);
    expect((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).answers).toBe('{}');
  });

  describe('saves through the driver, beside Prisma (docs/decisions/0008)', () => {
    it('waits for a Prisma transaction that is open, and neither joins the other', async () => {
      const req = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
      const other = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      // A Prisma transaction that writes, then waits across many turns of the event loop, then rolls back.
      const prismaTx = w.db.$transaction(async (tx) => {
        await tx.presenceRequest.update({ where: { id: other.id }, data: { answers: '{"handle":"rolled back"}' } });
        await held;
        throw new Error('rolled back on purpose');
      });
      await new Promise((r) => setTimeout(r, 20));
      let saved = false;
      const save = saveStep(requestFlow([]), w.services, rae, { id: req.id, step: 1, nav: 'save', values: { handle: '@ParksSaved' } }).then((out) => {
        saved = true;
        return out;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(saved).toBe(false);
      finish();
      await expect(prismaTx).rejects.toThrow('rolled back on purpose');
      expect((await save).changed).toEqual(['handle']);
      // The save committed on its own; the rolled-back transaction took nothing of it, and left nothing of its own.
      expect(JSON.parse((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: req.id } })).answers).handle).toBe('@ParksSaved');
      expect((await w.db.presenceRequest.findUniqueOrThrow({ where: { id: other.id } })).answers).toBe('{}');
    });

    it('keeps one audit chain (REC-1) when saves and Prisma appends run at once', async () => {
      w.setClock('2026-05-02T09:30:00Z');
      const reqs = await Promise.all(Array.from({ length: 12 }, () => w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } })));
      await Promise.all([
        ...reqs.map((r, i) => saveStep(requestFlow([]), w.services, rae, { id: r.id, step: 1, nav: 'save', values: { handle: `@Parks${i}` } })),
        ...reqs.map((r) => w.db.$transaction((tx) => appendAudit(tx, { actor: { personId: rae.personId, name: rae.name }, action: 'test.appended', entityType: 'presence_request', entityId: r.id }))),
      ]);
      expect(await w.db.auditEvent.count({ where: { entityId: { in: reqs.map((r) => r.id) } } })).toBe(24);
      expect(await verifyAuditTrail(w.db)).toMatchObject({ ok: true });
      // Version and updatedAt move with every save (at the services' clock), and the stored time reads back through Prisma.
      const after = await w.db.presenceRequest.findUniqueOrThrow({ where: { id: reqs[0].id } });
      expect(after.version).toBe(2);
      expect(after.updatedAt.toISOString()).toBe('2026-05-02T09:30:00.000Z');
    });

    it('saves made at once commit together: each refused one is rolled back alone and told why, the rest are saved', async () => {
      const reqs = await Promise.all(Array.from({ length: 6 }, () => w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } })));
      const presenceId = await seedLivePresence(w.db, rae.personId, '@BatchPools', new Date('2026-04-01T12:00:00Z'), 10);
      const held = await w.db.post.create({ data: { presenceId, drafterId: rae.personId, status: 'draft', draft: JSON.stringify({ text: 'Kept.' }) } });
      await w.db.recordHold.create({ data: { referralId: 'referral-2', caseNumber: 'MPD-26-0002', entityType: 'post', entityId: held.id, createdAt: new Date() } });
      const presence = await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } });
      const events = await w.db.auditEvent.count();
      // Started in one turn of the event loop, so they share one SQLite transaction, each in its own savepoint.
      const halfDone = await w.db.presenceRequest.create({ data: { requesterId: rae.personId, status: 'draft' } });
      const [refused, failedAfterWriting, ...rest] = await Promise.allSettled([
        saveStep(requestFlow([]), w.services, staff, { id: reqs[0].id, step: 1, nav: 'save', values: { handle: '@NotMine' } }),
        // Its update runs, then its audit event cannot be written: the update must go with it.
        draftStoreOf(w.db).save({
          table: 'PresenceRequest',
          id: halfDone.id,
          row: z.object({ id: z.string() }),
          now: new Date(),
          decide: () => ({ set: { answers: '{"handle":"@HalfDone"}' }, audit: { actor: { personId: rae.personId, name: rae.name }, action: 'test.unwritable', entityType: 'presence_request', entityId: halfDone.id, data: { n: BigInt(1) } }, result: 'saved' }),
        }),
        saveStep(postFlow(presence, w.services.config), w.services, rae, { id: held.id, step: 1, nav: 'save', values: { text: 'Changed while held.' } }),
        ...reqs.map((r, i) => saveStep(requestFlow([]), w.services, rae, { id: r.id, step: 1, nav: 'save', values: { handle: `@Batch${i}` } })),
      ]);
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'NOT_AUTHORIZED' } });
      expect(failedAfterWriting.status).toBe('rejected');
      expect(await w.db.presenceRequest.findUniqueOrThrow({ where: { id: halfDone.id } })).toEqual(halfDone);
      expect(rest[0].status === 'rejected' && heldForPoliceCase(rest[0].reason)).toBe('MPD-26-0002');
      expect(rest.slice(1).map((r) => r.status)).toEqual(Array(6).fill('fulfilled'));
      const saved = await w.db.presenceRequest.findMany({ where: { id: { in: reqs.map((r) => r.id) } } });
      expect(saved.map((r) => JSON.parse(r.answers).handle).sort()).toEqual(reqs.map((_, i) => `@Batch${i}`).sort());
      expect(await w.db.auditEvent.count()).toBe(events + 6);
      expect((await w.db.post.findUniqueOrThrow({ where: { id: held.id } })).draft).toBe(JSON.stringify({ text: 'Kept.' }));
      expect(await verifyAuditTrail(w.db)).toMatchObject({ ok: true });
    });

    it('a post held for police (REC-3) is refused by the database, and the person is told why', async () => {
      const presenceId = await seedLivePresence(w.db, rae.personId, '@HeldPools', new Date('2026-04-01T12:00:00Z'), 10);
      const post = await w.db.post.create({ data: { presenceId, drafterId: rae.personId, status: 'draft', draft: JSON.stringify({ text: 'Not out yet.' }) } });
      await w.db.recordHold.create({ data: { referralId: 'referral-1', caseNumber: 'MPD-26-0001', entityType: 'post', entityId: post.id, createdAt: new Date() } });
      const presence = await w.db.presence.findUniqueOrThrow({ where: { id: presenceId } });
      const events = await w.db.auditEvent.count();
      const refused = await saveStep(postFlow(presence, w.services.config), w.services, rae, { id: post.id, step: 1, nav: 'save', values: { text: 'Changed while held.' } }).catch((err: unknown) => err);
      expect(heldForPoliceCase(refused)).toBe('MPD-26-0001');
      expect(await w.db.auditEvent.count()).toBe(events);
      expect((await w.db.post.findUniqueOrThrow({ where: { id: post.id } })).draft).toBe(JSON.stringify({ text: 'Not out yet.' }));
    });
  });
});

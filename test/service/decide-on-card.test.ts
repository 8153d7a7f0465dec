import { ServiceWorld } from '../harness/service-world';
import type { Actor } from '../../src/domain/roles';
import { AppError } from '../../src/errors/app-error';
import { submitRequest } from '../../src/services/presence/submit-request';
import { decideReview } from '../../src/services/presence/decide-review';
import { decideAccessBlock, requestAccessBlock } from '../../src/services/policy/access-block';

/** The decide-on-card engine at the service level, with the clock injected (issue 9 item 2; REQ-4, REQ-5). */
describe('decide-on-card engine', () => {
  let w: ServiceWorld;
  let requester: Actor, ivy: Actor, sam: Actor, staff: Actor, head: Actor;
  const counts = async () => ({ audit: await w.db.auditEvent.count(), outbox: await w.db.outboxMessage.count(), reviews: await w.db.review.count() });

  beforeAll(async () => {
    w = await ServiceWorld.start();
    requester = await w.person('Rae Quist');
    ivy = await w.person('Ivy Tran', ['it_reviewer']);
    sam = await w.person('Sam Okafor', ['city_attorney']);
    staff = await w.person('Stu Staff');
    head = await w.person('Dana Reyes', [['department_head', 'parks']]);
  });
  afterAll(() => w.stop());

  async function submitted(): Promise<string> {
    const answers = {
      departmentId: 'parks', platform: 'instagram', handle: '@EngineParks', criterion: 'marketing',
      purpose: 'Share park events and closures with families.', benefits: 'Reaches families who use Instagram more than the website.', cityWebPage: 'https://www.cityofmadison.com/parks',
      staffName: 'Rae Quist', staffTitle: 'Coordinator', staffContact: 'rquist@cityofmadison.com', approverId: head.personId, spokespersonIds: requester.personId,
      dataLocation: 'Parks shared drive', hasDirectMessages: 'no', attestCityAccount: 'true', attestNotice: 'true',
    };
    const req = await w.db.presenceRequest.create({ data: { requesterId: requester.personId, status: 'draft', answers: JSON.stringify(answers), step: 6 } });
    await submitRequest(w.services, requester, req.id);
    // REQ-6: the department's approving authority (the Parks head the answers name) approves first.
    const authority = await w.db.review.findFirstOrThrow({ where: { requestId: req.id, stage: 'authority' } });
    await decideReview(w.services, head, { reviewId: authority.id, decision: 'approve' });
    return (await w.db.review.findFirstOrThrow({ where: { requestId: req.id, stage: 'it' } })).id;
  }

  it('REQ-4 records who, when (the injected clock), the hash of the card shown, updates the card in place and tells the requester', async () => {
    const reviewId = await submitted();
    const posted = await w.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    w.setClock('2026-03-04T09:30:00Z');
    const out = await decideReview(w.services, ivy, { reviewId, decision: 'approve' });
    expect(out.decided).toBe(true);
    expect(out.view.decided).toEqual(expect.objectContaining({ outcome: 'approved', by: 'Ivy Tran' }));
    const review = await w.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review.decidedAt?.toISOString()).toBe('2026-03-04T09:30:00.000Z');
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'review.decided', entityId: review.requestId }, orderBy: { seq: 'desc' } });
    expect(event.at.toISOString()).toBe('2026-03-04T09:30:00.000Z');
    expect(JSON.parse(event.data)).toEqual(expect.objectContaining({ decision: 'approve', shownCardSha256: posted.cardHash }));
    expect(await w.db.outboxMessage.count({ where: { kind: 'update', updatesId: posted.cardOutboxId } })).toBe(1);
    expect(await w.db.review.count({ where: { requestId: review.requestId, stage: 'attorney', status: 'pending' } })).toBe(1);
    // Two notices to the requester: the approving authority's approval (REQ-6), then IT's.
    expect(await w.db.outboxMessage.count({ where: { conversationKey: `person:${requester.personId}` } })).toBe(2);
  });

  it('REQ-4 a repeated click gets the card as it stands and changes nothing', async () => {
    const reviewId = await submitted();
    await decideReview(w.services, ivy, { reviewId, decision: 'reject', reason: 'Use a City address.' });
    const before = await counts();
    const again = await decideReview(w.services, ivy, { reviewId, decision: 'approve' });
    expect(again.decided).toBe(false);
    expect(again.view.notice).toBe('This was already decided; your click did not change anything.');
    expect(again.view.decided?.outcome).toBe('rejected');
    expect(await counts()).toEqual(before);
  });

  it('REQ-4 a staffer, the other stage and an unknown id are refused before anything is read or written', async () => {
    const reviewId = await submitted();
    const before = await counts();
    for (const who of [staff, sam, head]) await expect(decideReview(w.services, who, { reviewId, decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(decideReview(w.services, ivy, { reviewId: '00000000-0000-4000-8000-000000000000', decision: 'approve' })).rejects.toBeInstanceOf(AppError);
    expect(await counts()).toEqual(before);
  });

  it('REQ-4 a return without a reason comes back with the message beside the reason, nothing changed', async () => {
    const reviewId = await submitted();
    const before = await counts();
    const out = await decideReview(w.services, ivy, { reviewId, decision: 'reject' });
    expect(out.view.reasonError).toBe('Say why you are returning it, so the requester knows what to fix.');
    expect(await counts()).toEqual(before);
  });

  it('REQ-4 concurrent clicks decide once; the others are told someone decided first', async () => {
    const reviewId = await submitted();
    const ivy2 = await w.person('Ian Two', ['it_reviewer']);
    const results = await Promise.all([ivy, ivy2, ivy, ivy2].map((who, i) => decideReview(w.services, who, { reviewId, decision: i % 2 ? 'approve' : 'reject', reason: 'Needs a City address.' })));
    expect(results.filter((r) => r.decided)).toHaveLength(1);
    expect(await w.db.auditEvent.count({ where: { action: 'review.decided', data: { contains: reviewId } } })).toBe(1);
  });

  it('REQ-5 a site block is decided once by IT, never by the head who asked, and the hash of the shown card is kept', async () => {
    const block = await requestAccessBlock(w.services, head, { departmentId: 'parks', sites: 'tiktok.com', reason: 'Counter staff may not use it on duty.' });
    await expect(decideAccessBlock(w.services, head, { blockId: block.id, decision: 'done' })).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    w.setClock('2026-03-05T10:00:00Z');
    const done = (await decideAccessBlock(w.services, ivy, { blockId: block.id, decision: 'done' })).view;
    expect(done.decided).toEqual(expect.objectContaining({ outcome: 'done', by: 'Ivy Tran' }));
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'access_block.decided', entityId: block.id } });
    expect(JSON.parse(event.data).shownCardSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await w.db.accessBlockRequest.findUniqueOrThrow({ where: { id: block.id } })).decidedAt?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    const late = (await decideAccessBlock(w.services, ivy, { blockId: block.id, decision: 'decline', response: 'No.' })).view;
    expect(late.notice).toBe('This was already decided; your click did not change anything.');
  });
});

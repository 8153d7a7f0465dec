import { GENESIS_HASH, hashAuditEvent, verifyChain, type AuditFields } from '../../src/domain/audit-chain';

function chain(n: number) {
  const events: Array<AuditFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditFields = { seq, id: `e${seq}`, at: new Date(Date.UTC(2026, 10, 1, 12, seq)), actorId: 'p1', actorName: 'Morgan Lee', action: 'role.granted', entityType: 'person', entityId: `p${seq}`, data: JSON.stringify({ role: 'it_reviewer', n: seq }), prevHash: prev };
    const hash = hashAuditEvent(e);
    events.push({ ...e, hash });
    prev = hash;
  }
  return events;
}

describe('REC-1 hash-chained audit trail', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, count: 5 });
  });

  it('detects an event whose data was changed, naming it', () => {
    const events = chain(5);
    events[2] = { ...events[2], data: JSON.stringify({ role: 'admin', n: 3 }) };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: { seq: 3, id: 'e3' }, reason: expect.stringContaining('changed') });
  });

  it('detects a changed event even when its hash was recomputed (the next link breaks)', () => {
    const events = chain(5);
    const forged = { ...events[1], actorName: 'Someone Else' };
    events[1] = { ...forged, hash: hashAuditEvent(forged) };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: { seq: 3 }, reason: expect.stringContaining('previous-hash') });
  });

  it('detects a deleted event', () => {
    const events = chain(5);
    events.splice(3, 1);
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: { seq: 5 }, reason: expect.stringContaining('missing') });
  });

  it('continues a chain from a checkpoint, as paged verification does', () => {
    const events = chain(6);
    const first = verifyChain(events.slice(0, 3));
    expect(first.ok).toBe(true);
    expect(verifyChain(events.slice(3), { seq: 3, hash: events[2].hash })).toMatchObject({ ok: true, count: 3 });
  });
});

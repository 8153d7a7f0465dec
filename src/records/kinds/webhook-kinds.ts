import type { RecordKind } from '../record-kind';
import { afterCreated, clip, keyset, type Created } from '../record-kind';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Webhook subscribers (issue 12): where the City sent its public events, who added and disabled each, and when.
 * Never the signing secret. The deliveries themselves are outbox rows, exported as notices.
 */
export const webhookSubscribers: RecordKind = {
  name: 'webhook-subscribers',
  label: 'Webhook subscribers',
  jsonColumns: ['events'],
  columns: ['id', 'url', 'events', 'state', 'createdBy', 'createdById', 'createdAt', 'disabledBy', 'disabledById', 'disabledAt'],
  pages: (db, ctx, size) =>
    keyset(
      (after: Created, take) => db.webhookSubscriber.findMany({ where: afterCreated(after), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take, omit: { secret: true } }),
      (s) => ({
        values: { id: s.id, url: s.url, events: s.events, state: s.state, createdBy: ctx.personName(s.createdById), createdById: s.createdById, createdAt: iso(s.createdAt), disabledBy: ctx.personName(s.disabledById), disabledById: s.disabledById, disabledAt: iso(s.disabledAt) },
        facets: { at: s.createdAt, until: s.disabledAt ?? s.createdAt, presenceIds: [], departmentIds: [], personIds: [s.createdById, s.disabledById] },
        line: `${clip(s.url, 60)} (${s.state})`,
      }),
      size,
    ),
};

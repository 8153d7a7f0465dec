import { card, execute, facts, status, text, title, formatWhen } from '../common/elements';

export interface AuditRow {
  seq: number;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
}

export type ChainState = { ok: true; count: number } | { ok: false; count: number; brokenAtSeq: number; reason: string };

export function auditCard(v: { events: AuditRow[]; chain: ChainState; timeZone: string }) {
  const chainLine = v.chain.ok
    ? status(`Audit trail verified: all ${v.chain.count} events are intact and in order.`, 'good')
    : status(`Audit trail broken at event #${v.chain.brokenAtSeq}: ${v.chain.reason}. Tell IT now.`, 'attention');
  return card(
    [
      title('Audit trail'),
      chainLine,
      text(`The ${v.events.length} most recent events, newest first:`, { subtle: true, size: 'Small' }),
      facts(v.events.map((e) => [`#${e.seq} ${formatWhen(e.at, v.timeZone)}`, `${e.actorName}: ${e.action} (${e.entityType} ${e.entityId.slice(0, 12)})`])),
    ],
    [execute('Refresh', { verb: 'audit.show' }), execute('Back to help', { verb: 'help.show' })],
  );
}

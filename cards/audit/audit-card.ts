import { card, execute, facts, status, text, title, formatWhen } from '../common/elements';
import type { AuditView } from '../../src/services/audit-view';

/** REC-1: the latest events in words ("Morgan Lee granted IT reviewer to Ivy Tran"), draft saves only when asked. */
export function auditCard(v: AuditView) {
  const chainLine = v.chain.ok
    ? status(`Audit trail verified: all ${v.chain.count} events are intact and in order.`)
    : status(`Audit trail broken at event #${v.chain.brokenAtSeq}: ${v.chain.reason}. Tell IT now.`, 'attention');
  const what = v.showDrafts ? 'most recent events, draft saves included' : 'most recent events (draft saves hidden)';
  return card(
    [
      title('Audit trail'),
      chainLine,
      text(v.events.length ? `The ${v.events.length} ${what}, newest first:` : 'Nothing is recorded yet.', { subtle: true, size: 'Small' }),
      facts(v.events.map((e) => [formatWhen(e.at, v.timeZone), e.sentence])),
    ],
    [
      execute('Refresh', { verb: 'audit.show', showDrafts: v.showDrafts }),
      execute(v.showDrafts ? 'Hide draft saves' : 'Show draft saves', { verb: 'audit.show', showDrafts: !v.showDrafts }),
      execute('Back to help', { verb: 'help.show' }),
    ],
  );
}

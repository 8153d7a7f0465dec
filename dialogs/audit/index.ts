import type { Router } from '../../src/teams/router';
import { isAdmin } from '../../src/domain/roles';
import { AppError } from '../../src/errors/app-error';
import { recentAuditEvents, verifyAuditTrail } from '../../src/records/audit';
import { auditCard } from '../../cards/audit/audit-card';

/** `audit` (admins): the latest events and whether the hash chain still verifies (REC-1). */
export function register(router: Router): void {
  router.entry(
    { title: 'Audit trail', description: 'See the latest recorded actions and check that none was altered.', verb: 'audit.show', command: 'audit', visible: (actor) => isAdmin(actor) },
    async (turn) => {
      if (!isAdmin(turn.actor)) throw new AppError('NOT_AUTHORIZED', 'Only admins can read the audit trail here.');
      const { db, config } = turn.services;
      const [events, chain] = await Promise.all([recentAuditEvents(db, 15), verifyAuditTrail(db)]);
      return auditCard({
        events,
        chain: chain.ok ? { ok: true, count: chain.count } : { ok: false, count: chain.count, brokenAtSeq: chain.brokenAt.seq, reason: chain.reason },
        timeZone: config.timeZone,
      });
    },
  );
}

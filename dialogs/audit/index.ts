import type { Router } from '../../src/teams/router';
import { isAdmin } from '../../src/domain/roles';
import { auditView } from '../../src/services/audit-view';
import { auditCard } from '../../cards/audit/audit-card';

/** `audit` (admins): the latest events in words and whether the hash chain still verifies (REC-1). */
export function register(router: Router): void {
  router.entry(
    { title: 'Audit trail', description: 'See the latest recorded actions and check that none was altered.', verb: 'audit.show', command: 'audit', visible: (actor) => isAdmin(actor) },
    async (turn, data) => auditCard(await auditView(turn.services, turn.actor, { showDrafts: data?.showDrafts })),
  );
}

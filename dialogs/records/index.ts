import type { Router, InvalidData } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { canReadRecords } from '../../src/domain/records-access';
import type { TRecordsSearchInput } from '../../src/verbs/records';
import { recordsExport, recordsForm, recordsSearch, type RecordsScreen } from '../../src/services/records/records-screens';
import { exportReadyCard, recordsCard } from '../../cards/records/records-card';

const render = (s: RecordsScreen) => (s.screen === 'export' ? exportReadyCard(s) : recordsCard(s));
const formValues = ({ verb: _verb, ...values }: TRecordsSearchInput & { verb: string }): TRecordsSearchInput => values;
/** A form that does not parse comes back with its problems beside the fields (after the same access check). */
const formAgain = async (turn: Turn, bad: InvalidData) => render(await recordsForm(turn.services, turn.actor, turn.where, bad.values, bad.errors));

/** `records` (records custodians and admins, REC-2): search by presence, department, person and dates; export. */
export function register(router: Router): void {
  router.entry(
    { title: 'Public records', description: 'Search and export every record for a public records request.', verb: 'records.show', command: 'records', visible: (actor) => canReadRecords(actor) },
    async (turn) => render(await recordsForm(turn.services, turn.actor, turn.where)),
  );
  router.verb('records.search', async (turn, data) => render(await recordsSearch(turn.services, turn.actor, turn.where, formValues(data))), formAgain);
  router.verb('records.export', async (turn, data) => render(await recordsExport(turn.services, turn.actor, turn.where, formValues(data))), formAgain);
}

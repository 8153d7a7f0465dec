import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { canReadRecords } from '../../src/domain/records-access';
import { AppError } from '../../src/errors/app-error';
import { formatWhen } from '../../cards/common/elements';
import { parseCard } from '../../cards/common/parse';
import { RECORDS_VERBS, ZRecordsSearchInput } from '../../cards/records/actions';
import { exportReadyCard, recordsCard } from '../../cards/records/records-card';
import { resolveSearch } from '../../src/services/records/resolve-search';
import { searchRecordsFor } from '../../src/services/records/search-records';
import { createExportLink } from '../../src/services/records/create-export-link';

/** Records are read in the personal chat only, so search results and download links never land in a channel. */
function guard(turn: Turn): void {
  if (!canReadRecords(turn.actor)) throw new AppError('NOT_AUTHORIZED', 'Only a records custodian or an admin can search the records. An admin can grant the Records custodian role.');
  if (turn.where.kind !== 'personal') throw new AppError('WRONG_PLACE', 'Records are searched in your personal chat with Social Steward, so results stay private. Type "records" there.');
}

const departmentsOf = (turn: Turn) => turn.services.db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });

/** Parses and resolves the form; on a problem, the same form comes back with it beside the field. */
async function resolved(turn: Turn, data: unknown) {
  const parsed = parseCard(ZRecordsSearchInput, data);
  if (!parsed.ok) return { card: recordsCard({ departments: await departmentsOf(turn), values: parsed.values, errors: parsed.errors }) };
  const r = await resolveSearch(turn.services.db, parsed.value, turn.services.config.timeZone);
  if (!r.ok) return { card: recordsCard({ departments: await departmentsOf(turn), values: parsed.value, errors: r.errors }) };
  return { query: r.query, values: parsed.value };
}

/** `records` (records custodians and admins, REC-2): search by presence, department, person and dates; export. */
export function register(router: Router): void {
  router.entry(
    { title: 'Public records', description: 'Search and export every record for a public records request.', verb: RECORDS_VERBS.show, command: 'records', visible: (actor) => canReadRecords(actor) },
    async (turn) => {
      guard(turn);
      return recordsCard({ departments: await departmentsOf(turn) });
    },
  );

  router.verb(RECORDS_VERBS.search, async (turn, data) => {
    guard(turn);
    const r = await resolved(turn, data);
    if (r.card) return r.card;
    const result = await searchRecordsFor(turn.services.db, turn.actor, r.query, { timeZone: turn.services.config.timeZone });
    return recordsCard({ departments: await departmentsOf(turn), values: r.values, result });
  });

  router.verb(RECORDS_VERBS.export, async (turn, data) => {
    guard(turn);
    const r = await resolved(turn, data);
    if (r.card) return r.card;
    const link = await createExportLink(turn.services.db, turn.actor, r.query);
    const search = (await searchRecordsFor(turn.services.db, turn.actor, r.query, { perKind: 0 })).search;
    return exportReadyCard({ url: `${turn.services.publicUrl()}${link.path}`, expires: formatWhen(link.expiresAt, turn.services.config.timeZone), search });
  });
}

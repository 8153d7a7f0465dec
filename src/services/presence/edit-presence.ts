import type { Actor } from '../../domain/roles';
import { canEditDetails } from '../../domain/presence';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { EDIT_FIELDS, type EditField, type TEditPresence } from '../../verbs/registry';
import type { FieldErrors } from '../../verbs/parse';
import { draftOf } from './request-views';
import { factsOf, loadPresence } from './load-presence';
import { editForm, openPresence, pickEditValues, type EditView } from './presence-reads';
import type { PresenceView } from './presence-views';
import { FIELD_LABELS } from './describe-event';
import type { Place } from '../../domain/presence';
import { orAsItStands } from '../engines/stale-click';

export type EditOutcome = { ok: true; changed: EditField[] } | { ok: false; errors: FieldErrors };
export type EditScreen = { screen: 'form'; view: EditView } | { screen: 'presence'; view: PresenceView };

/** Saves the edit and answers with the presence and what was saved, or the form with the problem beside its field. */
export async function editPresenceScreen(svc: Pick<Services, 'db' | 'config'>, actor: Actor, where: Place, input: Omit<TEditPresence, 'verb'>): Promise<EditScreen> {
  const out = await orAsItStands<EditOutcome | { ok: 'stale'; why: string }>(() => editPresence(svc, actor, input), async (why) => ({ ok: 'stale', why }));
  if (out.ok === 'stale') return { screen: 'presence', view: await openPresence(svc, actor, where, input.presenceId, { text: out.why, color: 'warning' }) };
  if (!out.ok) return { screen: 'form', view: await editForm(svc, actor, input.presenceId, { values: pickEditValues(input), errors: out.errors }) };
  const saved = out.changed.length ? `Saved: ${out.changed.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}. The old values are kept in the audit trail.` : 'Nothing changed.';
  return { screen: 'presence', view: await openPresence(svc, actor, where, input.presenceId, { text: saved, color: out.changed.length ? 'good' : 'default' }) };
}

/**
 * REG-1 stays current: the owner or department head edits the details. Only changed fields are written, and the audit
 * event keeps their old values next to the new ones (REC-4: the original is kept). The version guard makes a stale
 * form fail instead of overwriting someone else's change.
 */
export async function editPresence({ db }: Pick<Services, 'db'>, actor: Actor, input: Omit<TEditPresence, 'verb'>): Promise<EditOutcome> {
  const presence = await loadPresence(db, input.presenceId);
  const verdict = canEditDetails(factsOf(presence), actor);
  if (verdict.refused) refusedWith(verdict);
  const stale = 'Someone changed this presence after you opened the form, so nothing was saved. Here it is as it stands; edit it again from here.';
  if (input.version !== presence.version) throw new AppError('STALE_CARD', stale);
  // REQ-6: the account name was approved; a new one goes back through review.
  if ((input.handle ?? presence.handle) !== presence.handle) return { ok: false, errors: { handle: `The account name was approved as ${presence.handle}; a new name goes back through review. Use "Request a change" on the presence's card.` } };
  if (presence.state !== 'approved_not_live' && !input.accountUrl) return { ok: false, errors: { accountUrl: "A live presence keeps its address on record: enter the account's address" } };

  const record = draftOf(presence.record);
  const current: Record<EditField, string | undefined> = {
    handle: presence.handle,
    accountUrl: presence.accountUrl ?? undefined,
    staffName: record.staffName,
    staffTitle: record.staffTitle,
    staffContact: record.staffContact,
    dataLocation: record.dataLocation,
  };
  const before: Partial<Record<EditField, string | null>> = {};
  const after: Partial<Record<EditField, string | null>> = {};
  for (const field of EDIT_FIELDS) {
    if ((current[field] ?? undefined) === (input[field] ?? undefined)) continue;
    before[field] = current[field] ?? null;
    after[field] = input[field] ?? null;
  }
  const changed = Object.keys(after) as EditField[];
  if (!changed.length) return { ok: true, changed };

  // The record keeps the handle too (it is what the reviewers approved under); accountUrl lives only in its column.
  const nextRecord = { ...record };
  for (const field of changed) if (field !== 'accountUrl') nextRecord[field] = after[field] ?? undefined;
  await db.$transaction(async (tx) => {
    const { count } = await tx.presence.updateMany({
      where: { id: presence.id, version: input.version, state: { not: 'retired' } },
      data: { handle: input.handle, accountUrl: input.accountUrl ?? null, record: JSON.stringify(nextRecord), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('STALE_CARD', 'Someone changed this presence after you opened the form, so nothing was saved. Here it is as it stands; edit it again from here.');
    await appendAudit(tx, {
      actor: { personId: actor.personId, name: actor.name },
      action: 'presence.edited',
      entityType: 'presence',
      entityId: presence.id,
      data: { before, after, version: input.version + 1 },
    });
  }, TX_OPTIONS);
  return { ok: true, changed };
}

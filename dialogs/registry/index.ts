import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import type { Presence } from '@prisma/client';
import { AppError, refusedWith } from '../../src/errors/app-error';
import { canEditDetails, canGoLive, standardNotice, STATE_TARGETS, VERB_PAST, type StateTarget } from '../../src/domain/presence';
import { factsOf, loadPresence } from '../../src/services/presence/load-presence';
import { presenceCardFor, registryCardFor } from '../../src/services/presence/presence-views';
import { draftOf } from '../../src/services/presence/request-views';
import { goLive } from '../../src/services/presence/go-live';
import { editPresence } from '../../src/services/presence/edit-presence';
import { revealCredential } from '../../src/services/presence/reveal-credential';
import { setPresenceState } from '../../src/services/presence/set-presence-state';
import { parseCard } from '../../cards/common/parse';
import type { Color } from '../../cards/common/elements';
import type { FieldErrors } from '../../cards/common/inputs';
import { EDIT_FIELDS, ZEditPresence, ZGoLive, ZPresenceRef, ZRegistryFilter, ZSetState, ZSetupStart, type EditField } from '../../cards/registry/actions';
import { FIELD_LABELS } from '../../cards/registry/history';
import { goLiveCard } from '../../cards/registry/go-live-card';
import { editCard } from '../../cards/registry/edit-card';
import { revealedCard } from '../../cards/registry/revealed-card';

const NO_PRESENCE = 'This card does not name a presence. Type "registry" for a fresh card.';

function presenceIdOf(data: unknown): string {
  const p = ZPresenceRef.safeParse(data);
  if (!p.success) throw new AppError('INVALID_INPUT', NO_PRESENCE);
  return p.data.presenceId;
}

/** The presenceId of a form whose inputs failed: the form comes back only if the card itself names a presence. */
function formPresenceId(values: Record<string, string>, errors: FieldErrors): string {
  if (errors.presenceId || !values.presenceId) throw new AppError('INVALID_INPUT', NO_PRESENCE);
  return values.presenceId;
}

async function presenceView(turn: Turn, presenceOrId: Presence | string, notice?: { text: string; color: Color }, stateError?: { to: StateTarget; message: string }) {
  const { db, config } = turn.services;
  const presence = typeof presenceOrId === 'string' ? await loadPresence(db, presenceOrId) : presenceOrId;
  return presenceCardFor(db, presence, turn.actor, turn.where, config.timeZone, { notice, stateError });
}

/** The setup form; a presence already set up opens as it stands, with a line saying so. */
async function goLiveForm(turn: Turn, presence: Presence, extra: { accountUrl?: string; errors?: FieldErrors } = {}) {
  const verdict = canGoLive(factsOf(presence), turn.actor, turn.where);
  if (verdict.refused && verdict.code === 'STALE_CARD') return presenceView(turn, presence, { text: verdict.message, color: 'warning' });
  if (verdict.refused) refusedWith(verdict);
  const department = await turn.services.db.department.findUnique({ where: { id: presence.departmentId } });
  const notice = standardNotice(department?.name ?? presence.departmentId, presence.handle, draftOf(presence.record).purpose ?? 'City services');
  return goLiveCard({ presenceId: presence.id, handle: presence.handle, notice, values: { accountUrl: extra.accountUrl }, errors: extra.errors });
}

async function editForm(turn: Turn, presence: Presence, extra: { values?: Partial<Record<EditField, string>>; errors?: FieldErrors } = {}) {
  const verdict = canEditDetails(factsOf(presence), turn.actor);
  if (verdict.refused) refusedWith(verdict);
  const record = draftOf(presence.record);
  const current = { handle: presence.handle, accountUrl: presence.accountUrl ?? undefined, staffName: record.staffName, staffTitle: record.staffTitle, staffContact: record.staffContact, dataLocation: record.dataLocation };
  return editCard({ presenceId: presence.id, version: presence.version, handle: presence.handle, values: extra.values ?? current, errors: extra.errors });
}

const pick = (values: Partial<Record<string, unknown>>) => Object.fromEntries(EDIT_FIELDS.map((f) => [f, typeof values[f] === 'string' ? values[f] : undefined])) as Partial<Record<EditField, string>>;

/** REG-1, REG-2, REG-5, FRESH-2/3: the registry, each presence's record, its setup, edits, login and state. */
export function register(router: Router): void {
  router.entry(
    { title: 'Registry', description: 'See every official City social media account, by department, platform and state.', verb: 'registry.show', command: 'registry', visible: () => true },
    (turn) => registryCardFor(turn.services.db, {}),
  );
  router.verb('registry.filter', async (turn, data) => {
    const p = parseCard(ZRegistryFilter, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', 'Those filters are not ones the registry knows. Type "registry" for a fresh card.');
    const { verb: _verb, ...filters } = p.value;
    return registryCardFor(turn.services.db, filters);
  });
  router.verb('presence.open', (turn, data) => presenceView(turn, presenceIdOf(data)));

  router.verb('presence.setup.start', async (turn, data) => {
    const p = parseCard(ZSetupStart, data);
    if (!p.ok) throw new AppError('INVALID_INPUT', NO_PRESENCE);
    const { db } = turn.services;
    const presence = p.value.presenceId ? await loadPresence(db, p.value.presenceId) : await db.presence.findUnique({ where: { requestId: p.value.requestId } });
    if (!presence) throw new AppError('NOT_FOUND', 'That request has no presence in the registry yet. Type "my requests" to see where it stands.');
    return goLiveForm(turn, presence);
  });
  router.verb('presence.golive', async (turn, data) => {
    const p = parseCard(ZGoLive, data);
    // The raw values may hold the login and password: only the address goes back on the form.
    if (!p.ok) return goLiveForm(turn, await loadPresence(turn.services.db, formPresenceId(p.values, p.errors)), { accountUrl: p.values.accountUrl, errors: p.errors });
    const { verb: _verb, ...input } = p.value;
    await goLive(turn.services, turn.actor, turn.where, input);
    return presenceView(turn, input.presenceId, { text: 'It is active. Its login is stored encrypted; only you and IT can reveal it.', color: 'good' });
  });

  router.verb('presence.edit.start', async (turn, data) => editForm(turn, await loadPresence(turn.services.db, presenceIdOf(data))));
  router.verb('presence.edit', async (turn, data) => {
    const p = parseCard(ZEditPresence, data);
    if (!p.ok) return editForm(turn, await loadPresence(turn.services.db, formPresenceId(p.values, p.errors)), { values: pick(p.values), errors: p.errors });
    const { verb: _verb, ...input } = p.value;
    const out = await editPresence(turn.services, turn.actor, input);
    if (!out.ok) return editForm(turn, await loadPresence(turn.services.db, input.presenceId), { values: pick(input), errors: out.errors });
    const saved = out.changed.length ? `Saved: ${out.changed.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}. The old values are kept in the audit trail.` : 'Nothing changed.';
    return presenceView(turn, input.presenceId, { text: saved, color: out.changed.length ? 'good' : 'default' });
  });

  router.verb('presence.reveal', async (turn, data) => {
    const { presence, credential } = await revealCredential(turn.services, turn.actor, turn.where, presenceIdOf(data));
    return revealedCard({ presenceId: presence.id, handle: presence.handle, ...credential });
  });

  router.verb('presence.state', async (turn, data) => {
    const p = parseCard(ZSetState, data);
    if (!p.ok) {
      const to = p.values.to as StateTarget;
      if (!p.errors.reason || !STATE_TARGETS.includes(to)) throw new AppError('INVALID_INPUT', NO_PRESENCE);
      return presenceView(turn, formPresenceId(p.values, p.errors), undefined, { to, message: p.errors.reason });
    }
    const { verb: _verb, ...input } = p.value;
    await setPresenceState(turn.services, turn.actor, input);
    return presenceView(turn, input.presenceId, { text: `${VERB_PAST[input.to].replace(/^./, (c) => c.toUpperCase())}. The owner has been told.`, color: 'good' });
  });
}

import type { Presence } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { canEditDetails, canGoLive, type Place, type StateTarget } from '../../domain/presence';
import { fullNotice, noticeFor, type FittedNotice } from '../../domain/notice-to-users';
import { AppError, refusedWith } from '../../errors/app-error';
import type { FieldErrors } from '../../verbs/parse';
import { EDIT_FIELDS, type EditField } from '../../verbs/registry';
import type { Services } from '../context';
import type { Tone } from '../presenters';
import { factsOf, loadPresence } from './load-presence';
import { presenceViewFor, type PresenceView } from './presence-views';
import { draftOf } from './request-views';

type Svc = Pick<Services, 'db' | 'config'>;
export type Notice = { text: string; color: Tone };

/** A presence as it stands, for this person in this chat (REG-1: the registry is public to City staff). */
export async function openPresence(svc: Svc, actor: Actor, where: Place, presenceOrId: Presence | string, notice?: Notice, stateError?: { to: StateTarget; message: string }): Promise<PresenceView> {
  const presence = typeof presenceOrId === 'string' ? await loadPresence(svc.db, presenceOrId) : presenceOrId;
  return presenceViewFor(svc.db, presence, actor, where, svc.config.timeZone, { notice, stateError });
}

export interface GoLiveView {
  presenceId: string;
  handle: string;
  notice: string;
  /** REG-5: the version that fits this platform's bio or "About", with its character count. */
  fitted: FittedNotice;
  /** What the owner typed, kept when the form comes back; never the password (see SetupKept). */
  values?: SetupKept;
  errors?: FieldErrors;
  /** The password was typed but is not sent back: the card asks for it again and says why. */
  passwordAgain?: boolean;
}

/** The set-up answers a refused form keeps: the address, the login (a user name, not a secret) and the notice tick. */
export interface SetupKept {
  accountUrl?: string;
  login?: string;
  noticeInPlace?: boolean;
}
export type SetupScreen = { screen: 'setup'; view: GoLiveView } | { screen: 'presence'; view: PresenceView };

/** REG-2, REG-5: the owner's setup form; a presence already set up opens as it stands, with a line saying so. */
export async function setupForm(svc: Svc, actor: Actor, where: Place, ref: { presenceId?: string; requestId?: string }, extra: { values?: SetupKept; errors?: FieldErrors; passwordAgain?: boolean } = {}): Promise<SetupScreen> {
  const { db } = svc;
  const presence = ref.presenceId ? await loadPresence(db, ref.presenceId) : await db.presence.findUnique({ where: { requestId: ref.requestId } });
  if (!presence) throw new AppError('NOT_FOUND', 'That request has no presence in the registry yet. Type "my requests" to see where it stands.');
  const verdict = canGoLive(factsOf(presence), actor, where);
  if (verdict.refused && verdict.code === 'STALE_CARD') return { screen: 'presence', view: await openPresence(svc, actor, where, presence, { text: verdict.message, color: 'warning' }) };
  if (verdict.refused) refusedWith(verdict);
  const department = await db.department.findUnique({ where: { id: presence.departmentId } });
  const about = { department: department?.name ?? presence.departmentId, handle: presence.handle, purpose: draftOf(presence.record).purpose ?? 'City services' };
  const notice = fullNotice(svc.config.notice, about);
  const fitted = noticeFor(svc.config.notice, presence.platform, about);
  return { screen: 'setup', view: { presenceId: presence.id, handle: presence.handle, notice, fitted, values: extra.values ?? {}, errors: extra.errors, passwordAgain: extra.passwordAgain } };
}

export interface EditView {
  presenceId: string;
  version: number;
  handle: string;
  values: Partial<Record<EditField, string>>;
  errors?: FieldErrors;
}

/** REG-1: the details form, for the owner or the department's head only; it shows the values as they stand. */
export async function editForm(svc: Svc, actor: Actor, presenceId: string, extra: { values?: Partial<Record<EditField, string>>; errors?: FieldErrors } = {}): Promise<EditView> {
  const presence = await loadPresence(svc.db, presenceId);
  const verdict = canEditDetails(factsOf(presence), actor);
  if (verdict.refused) refusedWith(verdict);
  const record = draftOf(presence.record);
  const current = { handle: presence.handle, accountUrl: presence.accountUrl ?? undefined, staffName: record.staffName, staffTitle: record.staffTitle, staffContact: record.staffContact, dataLocation: record.dataLocation };
  return { presenceId: presence.id, version: presence.version, handle: presence.handle, values: extra.values ?? current, errors: extra.errors };
}

/** Only the edit fields of raw card values, as strings: nothing else from a card goes back on the form. */
export const pickEditValues = (values: Partial<Record<string, unknown>>) =>
  Object.fromEntries(EDIT_FIELDS.map((f) => [f, Object.hasOwn(values, f) && typeof values[f] === 'string' ? values[f] : undefined])) as Partial<Record<EditField, string>>;

/** The set-up answers of a refused form, capped as the form caps them; the password is never among them. */
export function keptSetupValues(values: Partial<Record<string, unknown>>): SetupKept {
  const str = (k: string, max: number) => (Object.hasOwn(values, k) && typeof values[k] === 'string' ? (values[k] as string).slice(0, max) : undefined);
  return { accountUrl: str('accountUrl', 300), login: str('login', 200), noticeInPlace: str('noticeInPlace', 5) === 'true' };
}

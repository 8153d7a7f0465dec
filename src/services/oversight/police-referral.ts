import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { referralRule, type ReferralInput } from '../../domain/oversight/referral-rule';
import { AppError, refusedWith } from '../../errors/app-error';
import { appendAudit } from '../../records/audit';
import { TX_OPTIONS } from '../../store/prisma';
import type { Services } from '../context';
import { loadPresence } from '../presence/load-presence';
import { textOf } from './post-history';
import { presenceOversight } from './presence-oversight';
import type { OversightView, ReferralFormView } from './oversight-views';

type Svc = Pick<Services, 'db' | 'config' | 'now'>;
export type ReferralScreen = { screen: 'form'; view: ReferralFormView } | { screen: 'oversight'; view: OversightView };
type FormInput = { presenceId: string; postId?: string; foundOn?: string; reportedOn?: string; caseNumber?: string; note?: string; held?: string };

const NOT_DIRECTOR = 'Only the IT Director records a referral to the Police Department.';
/** The posts offered on the form: the newest ones, so the card stays readable. */
const POSTS_OFFERED = 20;

export const todayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function choicesFor(svc: Svc, presenceId: string) {
  const presence = await loadPresence(svc.db, presenceId);
  const posts = await svc.db.post.findMany({ where: { presenceId }, orderBy: { createdAt: 'desc' }, take: POSTS_OFFERED });
  const choices = [{ title: `The presence ${presence.handle}: its registry record`, value: 'presence' }, ...posts.map((p) => ({ title: `Post: ${clip(textOf(p.draft).replace(/\s+/g, ' ').trim() || '(no text)')}`, value: `post:${p.id}` }))];
  return { presence, choices };
}

/** REC-3: the IT Director's referral form for a presence, or one of its posts (that post preselected as kept). */
export async function referralForm(svc: Svc, actor: Actor, input: FormInput, error?: string): Promise<ReferralFormView> {
  if (!hasRole(actor, 'it_director')) throw new AppError('NOT_AUTHORIZED', NOT_DIRECTOR);
  const { presence, choices } = await choicesFor(svc, input.presenceId);
  const postId = input.postId && choices.some((c) => c.value === `post:${input.postId}`) ? input.postId : undefined;
  const { presenceId: _p, postId: _q, ...values } = input;
  return { presenceId: presence.id, ...(postId ? { postId } : {}), handle: presence.handle, choices, values: { held: postId ? `presence,post:${postId}` : 'presence', ...values }, today: todayIn(svc.now(), svc.config.timeZone), ...(error ? { error } : {}) };
}

/**
 * REC-3 (APM "Role of IT" 4): the IT Director records a referral to the Police Department: when it was found, when
 * reported, the case number, and the records kept for the investigation. The referral, a hold per kept record and
 * the audit event commit together; from then on the database refuses any change to those records, whoever asks.
 * The owner is not told: a referral may concern them.
 */
export async function recordReferral(svc: Svc, actor: Actor, input: FormInput): Promise<ReferralScreen> {
  if (!hasRole(actor, 'it_director')) throw new AppError('NOT_AUTHORIZED', NOT_DIRECTOR);
  const { presence, choices } = await choicesFor(svc, input.presenceId);
  const offered = new Set(choices.map((c) => c.value));
  const held = (input.held ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = held.filter((h) => !offered.has(h));
  const verdict = unknown.length ? ({ refused: true, code: 'INVALID_INPUT', message: 'Choose the records to keep from the list on the card.' } as const) : referralRule(actor, { ...input, held }, todayIn(svc.now(), svc.config.timeZone));
  if (verdict.refused && verdict.code === 'INVALID_INPUT') return { screen: 'form', view: await referralForm(svc, actor, input, verdict.message) };
  if (verdict.refused) refusedWith(verdict);
  const at = svc.now();
  const postId = input.postId && offered.has(`post:${input.postId}`) ? input.postId : null;
  await svc.db.$transaction(async (tx) => {
    const referral = await tx.policeReferral.create({ data: { presenceId: presence.id, postId, foundAt: verdict.foundAt, reportedAt: verdict.reportedAt, caseNumber: verdict.caseNumber, note: verdict.note, byId: actor.personId, createdAt: at } });
    for (const h of verdict.held) {
      const [entityType, entityId] = h === 'presence' ? ['presence', presence.id] : ['post', h.slice('post:'.length)];
      await tx.recordHold.create({ data: { referralId: referral.id, caseNumber: verdict.caseNumber, entityType, entityId, createdAt: at } });
    }
    await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'police.referred', entityType: 'presence', entityId: presence.id, data: { referralId: referral.id, postId, caseNumber: verdict.caseNumber, foundOn: input.foundOn, reportedOn: input.reportedOn, held: verdict.held } }, at);
  }, TX_OPTIONS);
  const kept = verdict.held.length;
  return { screen: 'oversight', view: await presenceOversight(svc, actor, presence.id, { text: `Referral recorded for police case ${verdict.caseNumber}. ${kept} record${kept === 1 ? ' is' : 's are'} kept for the investigation: no one can change or delete ${kept === 1 ? 'it' : 'them'}.`, color: 'accent' }) };
}

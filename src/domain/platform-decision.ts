import { hasRole, type Actor } from './roles';
import { PLATFORM_LABELS, type DraftAnswers } from './presence-answers';
import { ownLabel } from './own-keys';
import { refuse, type Result } from './result';

/**
 * REQ-7 (APM, Role of IT 2): the IT Director determines whether a social media tool or site lets the City comply with
 * the Wisconsin Public Records Law, applying sec. 3.70(3)(b)9 MGO. The decision is made once per platform, recorded
 * with its reasoning, and shown on every later request for that platform; a platform decided "not allowed" cannot
 * be requested.
 */
export type PlatformStatus = 'pending' | 'allowed' | 'not_allowed';
export type PlatformVerdict = 'allowed' | 'not_allowed';

export const PLATFORM_STATUS_LABELS: Record<PlatformStatus, string> = {
  pending: 'Platform not yet decided by the IT Director',
  allowed: 'Allowed by the IT Director',
  not_allowed: 'Not allowed by the IT Director',
};

export const MIN_REASONING = 20;
export const MAX_REASONING = 2000;

/** One key per platform: a listed platform's id, or "other:<name>" for a platform the requester named. */
export function platformOf(d: Pick<DraftAnswers, 'platform' | 'platformOther'>): { key: string; label: string } | undefined {
  if (!d.platform) return undefined;
  if (d.platform !== 'other') return { key: d.platform, label: ownLabel(PLATFORM_LABELS, d.platform) };
  const name = d.platformOther?.trim().replace(/\s+/g, ' ');
  return name ? { key: `other:${name.toLowerCase()}`, label: name } : undefined;
}

/** The IT Director decides once, with the public-records reasoning as a required note. */
export function decidePlatform(row: { status: string }, actor: Pick<Actor, 'roles'>, input: { decision: PlatformVerdict; reasoning?: string }): Result<{ status: PlatformVerdict }> {
  if (!hasRole(actor, 'it_director')) return refuse('NOT_AUTHORIZED', 'Only the IT Director decides on a platform.');
  if (row.status !== 'pending') return refuse('STALE_CARD', 'The IT Director has already decided on this platform.');
  const reasoning = input.reasoning?.trim() ?? '';
  if (reasoning.length < MIN_REASONING) {
    return refuse('INVALID_INPUT', 'Give the public-records reasoning under sec. 3.70(3)(b)9 MGO (at least a sentence): it is shown on every later request for this platform.');
  }
  return { refused: false, status: input.decision };
}

/** A request for a platform the IT Director decided against is refused at submit, saying why. */
export function platformRefusal(label: string, d: { status: string; reasoning: string | null; decidedOn?: string } | null): Result {
  if (d?.status !== 'not_allowed') return { refused: false };
  return refuse('INVALID_INPUT', `The IT Director decided${d.decidedOn ? ` on ${d.decidedOn}` : ''} that ${label} does not let the City meet the Wisconsin Public Records Law (sec. 3.70(3)(b)9 MGO): ${(d.reasoning ?? 'no reasoning recorded').replace(/[.\s]+$/, '')}. Choose another platform.`);
}

/** The line shown on the IT card and the requester's summary. */
export function platformLine(label: string, d: { status: string; reasoning: string | null; decidedOn?: string } | null): { text: string; flagged: boolean } {
  if (!d || d.status === 'pending') return { text: `${label}: ${PLATFORM_STATUS_LABELS.pending}`, flagged: true };
  const status = d.status as PlatformStatus;
  return { text: `${label}: ${ownLabel(PLATFORM_STATUS_LABELS, status)}${d.decidedOn ? ` on ${d.decidedOn}` : ''}. Reasoning: ${d.reasoning ?? '-'}`, flagged: status === 'not_allowed' };
}

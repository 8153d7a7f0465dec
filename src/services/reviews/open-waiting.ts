import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import type { Services } from '../context';
import { openOnCard } from '../engines/decide-on-card';
import { policyDecision } from '../policy/decide-policy';
import { blockDecision } from '../policy/access-block';
import { postDecision } from '../posts/decide-post';
import { directorDecision } from '../freshness/director-decision';

type Svc = Pick<Services, 'db' | 'config'>;

/**
 * The cards `reviews` opens, each read through its decision's own spec (ADR 0007): the same "who may see this" as a
 * click on the channel card, and the card as it stands now (pending with its buttons, or decided with its banner).
 */
export async function openPolicyReview(svc: Svc, actor: Actor, policyId: string) {
  const view = await openOnCard(policyDecision(svc.config.timeZone), svc.db, actor, policyId);
  // A filed version is public (POL-2), but only the Mayor's Office is offered Acknowledge and Return.
  return { ...view, decidable: view.decidable && hasRole(actor, 'mayors_office') };
}

export const openBlock = (svc: Svc, actor: Actor, blockId: string) => openOnCard(blockDecision(svc.config.timeZone), svc.db, actor, blockId);
export const openPostRound = (svc: Svc, actor: Actor, roundId: string) => openOnCard(postDecision(svc.config.timeZone), svc.db, actor, roundId);
export const openEscalation = (svc: Svc, actor: Actor, escalationId: string) => openOnCard(directorDecision(svc.config.timeZone, svc.config.peoplePicker), svc.db, actor, escalationId);

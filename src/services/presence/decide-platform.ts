import type { PlatformDecision } from '@prisma/client';
import type { Actor } from '../../domain/roles';
import { hasRole } from '../../domain/roles';
import { decidePlatform, type PlatformVerdict } from '../../domain/platform-decision';
import { AppError } from '../../errors/app-error';
import type { Services } from '../context';
import type { PlatformDecisionView } from '../presenters';
import { decideOnCard, type DecisionSpec } from '../engines/decide-on-card';
import { platformDecisionViewFor } from './platform-decisions';

type Input = { decision: PlatformVerdict; reasoning?: string };

/** REQ-7 on the decide-on-card engine: the IT Director records a platform's decision once, with its reasoning. */
export const platformDecision = (timeZone: string): DecisionSpec<PlatformDecision, PlatformDecisionView, Input, { status: PlatformVerdict }> => ({
  notFound: 'That platform decision no longer exists.',
  notAllowed: () => 'Only the IT Director can see and decide on a platform.',
  load: (db, id) => db.platformDecision.findUnique({ where: { id } }),
  canSee: (actor) => hasRole(actor, 'it_director'),
  view: (db, row, extra) => platformDecisionViewFor(db, row, timeZone, { notice: extra.notice, reasoningError: extra.inputError }),
  render: (present, view) => present.platformDecisionCard(view),
  rule: (row, actor, input) => decidePlatform(row, actor, input),
  async write(tx, row, verdict, input, by) {
    const { count } = await tx.platformDecision.updateMany({ where: { id: row.id, status: 'pending' }, data: { status: verdict.status, reasoning: input.reasoning!.trim(), deciderId: by.actor.personId, decidedAt: by.at } });
    return count === 1;
  },
  audit: (row, verdict, input) => ({ action: 'platform.decided', entityType: 'platform_decision', entityId: row.id, data: { platform: row.platform, label: row.label, decision: verdict.status, reasoning: input.reasoning!.trim() } }),
  after: async () => {},
  cardOutboxId: (row) => row.cardOutboxId,
  storedCardHash: (row) => row.cardHash,
  updateSummary: (verdict) => `IT Director: ${verdict.status === 'allowed' ? 'allowed' : 'not allowed'}`,
});

export async function decidePlatformCard(services: Pick<Services, 'db' | 'config' | 'present' | 'now'>, actor: Actor, input: { decisionId: string } & Input): Promise<PlatformDecisionView> {
  if (!input.decisionId) throw new AppError('NOT_FOUND', 'That platform decision no longer exists.');
  const out = await decideOnCard(platformDecision(services.config.timeZone), services, actor, input.decisionId, { decision: input.decision, reasoning: input.reasoning });
  return out.view;
}

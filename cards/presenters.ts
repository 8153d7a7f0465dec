import type { PolicyReviewView, Presenters } from '../src/services/presenters';
import { reviewCard } from './presence-request/review-card';
import { blockReviewCard } from './department-policy/block-cards';
import { decisionActions, policyDocumentCard } from './department-policy/policy-document-card';
import { noticeCard } from './common/notice-card';
import { roleChangedCard } from './roles/roles-card';
import { stateChangedNotice } from './registry/owner-notice';
import { postApprovalCard } from './posts/approval-card';
import { freshnessDigest, freshnessEscalation } from './freshness/freshness-cards';
import { platformDecisionCard } from './presence-request/platform-decision-card';

/** The Mayor's Office card: the document, with Acknowledge / Return while it can still be decided. */
export function policyReviewCard(v: PolicyReviewView) {
  const { decidable, commentsError, ...doc } = v;
  return policyDocumentCard({ ...doc, actions: decidable ? decisionActions(v.policyId, commentsError) : [] });
}

/** The cards services send through the outbox, wired into Services at start-up (src/server/start.ts). */
export const cardPresenters: Presenters = { reviewCard, policyReviewCard, blockReviewCard, noticeCard, roleChangedCard, stateChangedNotice, postApprovalCard, freshnessDigest, freshnessEscalation, platformDecisionCard };

import type { RecordKind } from '../record-kind';
import { presenceRequests, reviewRounds, presences } from './presence-kinds';
import { auditEvents, registryHistory } from './audit-kinds';
import { departmentPolicies, siteBlocks, decisions, platformDecisions } from './policy-kinds';
import { people, roleGrants, channelBindings, notices, recordsExports } from './admin-kinds';
import { posts, postRounds } from './post-kinds';
import { freshnessDigests, freshnessEscalations, freshnessNudges, freshnessSweeps, presenceConfirmations } from './freshness-kinds';
import { policeReferrals, postCorrections, recordHolds } from './oversight-kinds';
import { webhookSubscribers } from './webhook-kinds';

/**
 * Every kind of record a public records request can reach (REC-2), in the order the export and the card list them.
 * A new kind (posts, freshness nudges, ...) is one more line here, pointing at its RecordKind.
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  presenceRequests,
  reviewRounds,
  decisions,
  platformDecisions,
  presences,
  registryHistory,
  posts,
  postRounds,
  postCorrections,
  policeReferrals,
  recordHolds,
  presenceConfirmations,
  freshnessSweeps,
  freshnessDigests,
  freshnessNudges,
  freshnessEscalations,
  departmentPolicies,
  siteBlocks,
  roleGrants,
  channelBindings,
  webhookSubscribers,
  people,
  notices,
  recordsExports,
  auditEvents,
];

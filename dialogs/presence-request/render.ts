import type { RequestScreen } from '../../src/services/presence/request-reads';
import { stepCard } from '../../cards/presence-request/step-card';
import { summaryCard } from '../../cards/presence-request/summary-card';
import { doneCard } from '../../cards/common/done-card';

/** A screen of the request flow as its card. */
export const renderRequest = (s: RequestScreen) => (s.screen === 'step' ? stepCard(s.view) : s.screen === 'done' ? doneCard(s.view) : summaryCard(s.view));

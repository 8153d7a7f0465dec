import type { Router } from '../../src/teams/router';
import { registerFiling } from './filing';
import { registerViewing } from './viewing';
import { registerBlock } from './block';

/** POL-1..POL-3 and REQ-5: department policies, their review by the Mayor's Office, compliance, and site blocks. */
export function register(router: Router): void {
  registerFiling(router);
  registerViewing(router);
  registerBlock(router);
}

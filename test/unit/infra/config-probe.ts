import { ConfigError, loadConfig } from '../../../src/config/config';

/** What loadConfig (src/config/config.ts, as it is) says about an environment: its problems, or none. */
export function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

import type { PublicPresence } from '../../services/public/public-views';
import { publicPaths } from './public-paths';

/**
 * registry.json: the registry's public fields for other sites and tools (the US Digital Registry offers the same),
 * with each account's page and feeds as absolute addresses. Field names are part of a public interface: add, never rename.
 */
export function registryJson(presences: readonly PublicPresence[], base: string): string {
  const accounts = presences.map((p) => ({
    id: p.id,
    department: p.department,
    departmentId: p.departmentId,
    platform: p.platform,
    account: p.account,
    address: p.address,
    state: p.state,
    cityPage: p.cityPage,
    page: `${base}/${publicPaths.presence(p.id)}`,
    feeds: {
      rss: `${base}/${publicPaths.feed({ kind: 'presence', presenceId: p.id }, 'rss')}`,
      atom: `${base}/${publicPaths.feed({ kind: 'presence', presenceId: p.id }, 'atom')}`,
      json: `${base}/${publicPaths.feed({ kind: 'presence', presenceId: p.id }, 'json')}`,
    },
  }));
  return `${JSON.stringify({ publisher: 'City of Madison, Wisconsin', accounts }, null, 2)}\n`;
}

import { z } from 'zod';

export const MANIFEST_FORMAT = 'social-steward-records-export/1';

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface ChainSummary {
  ok: boolean;
  eventsChecked: number;
  brokenAtSeq?: number;
  reason?: string;
  /** The audit events in this export. */
  range: { firstSeq: number | null; lastSeq: number | null; events: number };
  checkedAt: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  generatedAt: string;
  generatedBy: string;
  query: unknown;
  search: string[];
  kinds: Array<{ name: string; label: string; count: number }>;
  auditChain: ChainSummary;
  files: ManifestFile[];
}

/** What verify needs from a manifest read back from a ZIP (which anyone may have edited). */
export const ZManifestForVerify = z.object({
  format: z.literal(MANIFEST_FORMAT),
  files: z.array(z.object({ name: z.string().min(1).max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() })),
});

/**
 * Which approved post versions the public sees (POST-7, City Website 3-5: the City's repository of approved content).
 * A version shows from its approval, or from its "publish at" time when that is later, never before; an edited
 * post shows as its newest visible approved version, and its older visible versions keep their own links.
 */
export interface ApprovedVersion {
  postId: string;
  round: number;
  decidedAt: Date;
  publishAt: Date | null;
}

export type CurrentVersion<T extends ApprovedVersion> = T & { visibleAt: Date; otherRounds: number[] };

export const visibleAt = (v: ApprovedVersion): Date => (v.publishAt && v.publishAt > v.decidedAt ? v.publishAt : v.decidedAt);

export const isVisible = (v: ApprovedVersion, now: Date): boolean => visibleAt(v).getTime() <= now.getTime();

/** The newest visible version of each post, newest first (ties by post id, so the order never wobbles). */
export function currentVersions<T extends ApprovedVersion>(versions: readonly T[], now: Date): CurrentVersion<T>[] {
  const byPost = new Map<string, T[]>();
  for (const v of versions) {
    if (!isVisible(v, now)) continue;
    const list = byPost.get(v.postId) ?? [];
    list.push(v);
    byPost.set(v.postId, list);
  }
  const current: CurrentVersion<T>[] = [];
  for (const list of byPost.values()) {
    list.sort((a, b) => b.round - a.round);
    const [newest, ...older] = list;
    current.push({ ...newest, visibleAt: visibleAt(newest), otherRounds: older.map((v) => v.round) });
  }
  return current.sort((a, b) => b.visibleAt.getTime() - a.visibleAt.getTime() || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
}

/** When the public output last changed: the latest visible moment, or undefined when nothing is public yet. */
export function lastChanged(moments: readonly Date[]): Date | undefined {
  let latest: Date | undefined;
  for (const m of moments) if (!latest || m > latest) latest = m;
  return latest;
}

import { currentVersions, lastChanged, visibleAt } from '../../src/domain/public-posts';

const at = (iso: string) => new Date(iso);
const v = (postId: string, round: number, decided: string, publishAt: string | null = null) => ({ postId, round, decidedAt: at(decided), publishAt: publishAt ? at(publishAt) : null });

/** POST-7 / City Website 3-5: what the public repository shows, at any moment. */
describe('public post versions', () => {
  it('a version is public from its approval, or from its later "publish at" time, never before', () => {
    const scheduled = v('a', 1, '2026-12-01T10:00:00Z', '2026-12-03T15:00:00Z');
    expect(visibleAt(scheduled)).toEqual(at('2026-12-03T15:00:00Z'));
    expect(currentVersions([scheduled], at('2026-12-03T14:59:59Z'))).toEqual([]);
    expect(currentVersions([scheduled], at('2026-12-03T15:00:00Z')).map((x) => x.postId)).toEqual(['a']);
    // A publish time already past when approved: public from the approval.
    expect(visibleAt(v('b', 1, '2026-12-05T10:00:00Z', '2026-12-01T09:00:00Z'))).toEqual(at('2026-12-05T10:00:00Z'));
  });

  it('an edited post shows its newest public version and names the older ones', () => {
    const versions = [v('a', 1, '2026-12-01T10:00:00Z'), v('a', 3, '2026-12-04T10:00:00Z'), v('b', 1, '2026-12-02T10:00:00Z')];
    const now = currentVersions(versions, at('2026-12-05T00:00:00Z'));
    expect(now.map((x) => [x.postId, x.round, x.otherRounds])).toEqual([['a', 3, [1]], ['b', 1, []]]);
    // Before version 3 was approved, version 1 was the current one.
    expect(currentVersions(versions, at('2026-12-03T00:00:00Z')).map((x) => [x.postId, x.round])).toEqual([['b', 1], ['a', 1]]);
  });

  it('a re-approved version scheduled for later leaves the older version showing until then', () => {
    const versions = [v('a', 1, '2026-12-01T10:00:00Z'), v('a', 2, '2026-12-02T10:00:00Z', '2026-12-09T09:00:00Z')];
    expect(currentVersions(versions, at('2026-12-05T00:00:00Z')).map((x) => x.round)).toEqual([1]);
    expect(currentVersions(versions, at('2026-12-09T09:00:00Z')).map((x) => x.round)).toEqual([2]);
  });

  it('ties in time are ordered by post id, so a feed never reorders itself', () => {
    const same = '2026-12-01T10:00:00Z';
    expect(currentVersions([v('b', 1, same), v('a', 1, same), v('c', 1, same)], at('2026-12-02T00:00:00Z')).map((x) => x.postId)).toEqual(['a', 'b', 'c']);
  });

  it('lastChanged is the latest moment, or undefined for nothing', () => {
    expect(lastChanged([])).toBeUndefined();
    expect(lastChanged([at('2026-12-01T00:00:00Z'), at('2026-12-03T00:00:00Z'), at('2026-12-02T00:00:00Z')])).toEqual(at('2026-12-03T00:00:00Z'));
  });
});

import type { Db } from '../../src/store/prisma';

/**
 * Registry and post rows as the real flows leave them (a live presence, a post with its approval rounds), written
 * directly so the public pages can be read at chosen moments. The flows themselves are tested in posts.test.ts.
 */
export async function seedPublicPresence(db: Db, o: { handle: string; departmentId: string; state?: string; record?: Record<string, string>; ownerName?: string }): Promise<string> {
  const owner = await db.person.create({ data: { aadObjectId: `aad-${o.handle}-${Math.random()}`, name: o.ownerName ?? 'Pat Parker' } });
  const request = await db.presenceRequest.create({ data: { requesterId: owner.id, status: 'approved' } });
  const record = { cityWebPage: 'https://www.cityofmadison.com/parks', approverId: owner.id, staffContact: 'pat.parker@cityofmadison.com', ...o.record };
  const p = await db.presence.create({
    data: { requestId: request.id, departmentId: o.departmentId, platform: 'instagram', handle: o.handle, state: o.state ?? 'active', record: JSON.stringify(record), ownerId: owner.id, accountUrl: `https://www.instagram.com/${o.handle.slice(1).toLowerCase()}`, credential: 'SECRET-CIPHERTEXT', noticeConfirmedAt: new Date() },
  });
  return p.id;
}

export interface SeedRound {
  text: string;
  status: 'approved' | 'returned' | 'pending';
  decidedAt?: Date;
  /** Compose-card publish date and time (City time zone), as the card stores them. */
  publishDate?: string;
  publishTime?: string;
  links?: string;
}

/** A post whose rounds are given oldest first; the post's status follows its last round. */
export async function seedPost(db: Db, presenceId: string, rounds: SeedRound[]): Promise<string> {
  const presence = await db.presence.findUniqueOrThrow({ where: { id: presenceId } });
  const last = rounds[rounds.length - 1];
  const post = await db.post.create({ data: { presenceId, drafterId: presence.ownerId, status: last.status === 'pending' ? 'in_review' : last.status, round: rounds.length, draft: '{}' } });
  for (const [i, r] of rounds.entries()) {
    const snapshot = JSON.stringify({ text: r.text, links: r.links ?? '', emergency: 'no', publishDate: r.publishDate ?? '', publishTime: r.publishTime ?? '' });
    await db.postRound.create({
      data: { postId: post.id, round: i + 1, snapshot, findings: '[]', approverId: presence.ownerId, status: r.status, cardHash: 'h', ...(r.status === 'pending' ? {} : { deciderId: presence.ownerId, decidedAt: r.decidedAt ?? new Date(), reason: r.status === 'returned' ? 'Internal reviewer comment' : null }) },
    });
  }
  return post.id;
}

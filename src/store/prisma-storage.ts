import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { turnReadsOf, type Db } from './prisma';

/**
 * botbuilder Storage over the BotState table, honouring eTags so two replicas (or two turns) cannot overwrite each
 * other's conversation state silently (TEAMS.md "Bot state across replicas").
 */
export class PrismaStorage implements Storage {
  constructor(private readonly db: Db) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    // Every turn reads its state: through the driver, not Prisma's engine (turn-reads.ts). Always the stored row, so
    // a write by another process is seen on the very next turn.
    const rows = await turnReadsOf(this.db).botState(keys);
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...JSON.parse(row.data), eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      const data = JSON.stringify(rest);
      const next = randomUUID();
      if (!eTag || eTag === '*') {
        await this.db.botState.upsert({ where: { key }, create: { key, eTag: next, data }, update: { eTag: next, data } });
        continue;
      }
      // The guard in the where clause makes check-and-write one statement.
      const { count } = await this.db.botState.updateMany({ where: { key, eTag }, data: { eTag: next, data } });
      if (count === 0) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.db.botState.deleteMany({ where: { key: { in: keys } } });
  }
}

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { ensureCredentialKey } from '../../src/config/credential-key';
import { createLogger } from '../../src/log/logger';
import { createPrisma } from '../../src/store/prisma';
import { seedDepartments } from '../../src/store/seed';
import type { Services } from '../../src/services/context';
import type { Actor, Role } from '../../src/domain/roles';
import { cardPresenters } from '../../cards/presenters';
import { templateDbPath } from './template-db';

/**
 * Services on their own database (a copy of the migrated template) with a clock the test sets: for service-level
 * tests of the engines, below the HTTP journeys.
 */
export class ServiceWorld {
  private clock = new Date('2026-03-03T15:00:00Z');
  readonly services: Services;

  private constructor(private readonly dir: string) {
    const config = ensureCredentialKey(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    this.services = {
      db: createPrisma(config.databaseUrl),
      config,
      log: createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
      present: cardPresenters,
      now: () => new Date(this.clock),
      kickOutbox: () => undefined,
      publicUrl: () => 'http://127.0.0.1:0',
    };
  }

  static async start(): Promise<ServiceWorld> {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-svc-'));
    copyFileSync(templateDbPath(), path.join(dir, 'social-steward.db'));
    const world = new ServiceWorld(dir);
    await seedDepartments(world.services.db);
    return world;
  }

  get db() {
    return this.services.db;
  }

  setClock(at: string | Date): void {
    this.clock = new Date(at);
  }

  /** A person with the roles given, as the turn would resolve them. */
  async person(name: string, roles: Array<Role | [Role, string]> = []): Promise<Actor> {
    const aad = `aad-${name.toLowerCase().replace(/\W+/g, '-')}`;
    const p = await this.db.person.create({ data: { aadObjectId: aad, teamsUserId: `29:${aad}`, name } });
    const holdings = roles.map((r) => (Array.isArray(r) ? { role: r[0], departmentId: r[1] } : { role: r }));
    for (const h of holdings) await this.db.roleGrant.create({ data: { personId: p.id, role: h.role, scope: h.departmentId ?? '', departmentId: h.departmentId ?? null } });
    return { personId: p.id, aadObjectId: aad, name, roles: holdings };
  }

  async stop(): Promise<void> {
    await this.db.$disconnect();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

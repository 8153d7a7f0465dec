-- CreateTable
CREATE TABLE "AuthVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- AlterTable (columns added in place: a rebuild would drop nothing here, but ADD COLUMN is all this needs)
ALTER TABLE "AuditChainLock" ADD COLUMN "headSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "AuditChainLock" ADD COLUMN "headHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';

-- The one row every process reads at the start of a turn (docs/decisions/0008-turn-cost.md).
INSERT INTO "AuthVersion" ("id", "version") VALUES (1, 0);

-- Who holds which role changes only through these tables; bumping here, in the writer's own transaction, means no
-- code path (a service, a script, a seed) can change a role without every process seeing it on its next turn.
CREATE TRIGGER "RoleGrant_auth_version_insert" AFTER INSERT ON "RoleGrant"
BEGIN UPDATE "AuthVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RoleGrant_auth_version_update" AFTER UPDATE ON "RoleGrant"
BEGIN UPDATE "AuthVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Person_auth_version_update" AFTER UPDATE ON "Person"
BEGIN UPDATE "AuthVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

-- REC-1: the audit chain's head lives in its lock row, so an append takes the lock and reads its predecessor in one
-- statement (src/records/audit.ts). Every insert moves the head, whoever inserts.
INSERT OR IGNORE INTO "AuditChainLock" ("id", "appends") VALUES (1, 0);
UPDATE "AuditChainLock" SET
  "headSeq" = COALESCE((SELECT "seq" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), 0),
  "headHash" = COALESCE((SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
WHERE "id" = 1;
CREATE TRIGGER "AuditEvent_chain_head" AFTER INSERT ON "AuditEvent"
BEGIN UPDATE "AuditChainLock" SET "headSeq" = NEW."seq", "headHash" = NEW."hash" WHERE "id" = 1 AND NEW."seq" > "headSeq"; END;

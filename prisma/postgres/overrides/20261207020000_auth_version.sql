-- CreateTable
CREATE TABLE "AuthVersion" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- AlterTable
ALTER TABLE "AuditChainLock" ADD COLUMN "headSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "AuditChainLock" ADD COLUMN "headHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';

-- The PostgreSQL version of prisma/migrations/20261207020000_auth_version: the one row every process reads at the
-- start of a turn, bumped by triggers in the transaction that changes who holds which role (0008-turn-cost.md).
INSERT INTO "AuthVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_auth_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuthVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "RoleGrant_auth_version_insert" AFTER INSERT ON "RoleGrant" FOR EACH ROW EXECUTE FUNCTION "bump_auth_version"();
CREATE TRIGGER "RoleGrant_auth_version_update" AFTER UPDATE ON "RoleGrant" FOR EACH ROW EXECUTE FUNCTION "bump_auth_version"();
CREATE TRIGGER "Person_auth_version_update" AFTER UPDATE ON "Person" FOR EACH ROW EXECUTE FUNCTION "bump_auth_version"();

-- REC-1: the audit chain's head lives in its lock row (src/records/audit.ts); every insert moves it.
INSERT INTO "AuditChainLock" ("id", "appends") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
UPDATE "AuditChainLock" SET
  "headSeq" = COALESCE((SELECT "seq" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), 0),
  "headHash" = COALESCE((SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
WHERE "id" = 1;
CREATE FUNCTION "move_audit_chain_head"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuditChainLock" SET "headSeq" = NEW."seq", "headHash" = NEW."hash" WHERE "id" = 1 AND NEW."seq" > "headSeq";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "AuditEvent_chain_head" AFTER INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "move_audit_chain_head"();

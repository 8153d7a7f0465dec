-- AlterTable
ALTER TABLE "RoleGrant" ADD COLUMN "revokedAt" TIMESTAMP(3);
ALTER TABLE "RoleGrant" ADD COLUMN "revokedById" TEXT;

-- CreateTable
CREATE TABLE "RecordsExportLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3)
);

-- CreateIndex
CREATE UNIQUE INDEX "RecordsExportLink_tokenHash_key" ON "RecordsExportLink"("tokenHash");


-- REC-1/REC-2: records are never hard-deleted. A DELETE on a records table fails, whoever runs it; a record kind
-- that ends is a state change (RoleGrant.revokedAt, PresenceRequest.status = withdrawn, ...).
-- The PostgreSQL version of prisma/migrations/20261206230000_records: SQLite's RAISE(ABORT) triggers become one
-- function and a BEFORE DELETE trigger per table.
CREATE FUNCTION "records_never_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'records are never deleted: %', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "Department_no_delete" BEFORE DELETE ON "Department" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "Person_no_delete" BEFORE DELETE ON "Person" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "RoleGrant_no_delete" BEFORE DELETE ON "RoleGrant" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "ChannelBinding_no_delete" BEFORE DELETE ON "ChannelBinding" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "OutboxMessage_no_delete" BEFORE DELETE ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "PresenceRequest_no_delete" BEFORE DELETE ON "PresenceRequest" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "Review_no_delete" BEFORE DELETE ON "Review" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "Presence_no_delete" BEFORE DELETE ON "Presence" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "DepartmentPolicy_no_delete" BEFORE DELETE ON "DepartmentPolicy" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "AccessBlockRequest_no_delete" BEFORE DELETE ON "AccessBlockRequest" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "RecordsExportLink_no_delete" BEFORE DELETE ON "RecordsExportLink" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();

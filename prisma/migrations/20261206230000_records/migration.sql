-- AlterTable
ALTER TABLE "RoleGrant" ADD COLUMN "revokedAt" DATETIME;
ALTER TABLE "RoleGrant" ADD COLUMN "revokedById" TEXT;

-- CreateTable
CREATE TABLE "RecordsExportLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "RecordsExportLink_tokenHash_key" ON "RecordsExportLink"("tokenHash");


-- REC-1/REC-2: records are never hard-deleted. A DELETE on a records table fails, whoever runs it; a record kind
-- that ends is a state change (RoleGrant.revokedAt, PresenceRequest.status = withdrawn, ...).
CREATE TRIGGER "Department_no_delete" BEFORE DELETE ON "Department"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: Department'); END;
CREATE TRIGGER "Person_no_delete" BEFORE DELETE ON "Person"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: Person'); END;
CREATE TRIGGER "RoleGrant_no_delete" BEFORE DELETE ON "RoleGrant"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: RoleGrant'); END;
CREATE TRIGGER "ChannelBinding_no_delete" BEFORE DELETE ON "ChannelBinding"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: ChannelBinding'); END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: AuditEvent'); END;
CREATE TRIGGER "OutboxMessage_no_delete" BEFORE DELETE ON "OutboxMessage"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: OutboxMessage'); END;
CREATE TRIGGER "PresenceRequest_no_delete" BEFORE DELETE ON "PresenceRequest"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: PresenceRequest'); END;
CREATE TRIGGER "Review_no_delete" BEFORE DELETE ON "Review"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: Review'); END;
CREATE TRIGGER "Presence_no_delete" BEFORE DELETE ON "Presence"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: Presence'); END;
CREATE TRIGGER "DepartmentPolicy_no_delete" BEFORE DELETE ON "DepartmentPolicy"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: DepartmentPolicy'); END;
CREATE TRIGGER "AccessBlockRequest_no_delete" BEFORE DELETE ON "AccessBlockRequest"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: AccessBlockRequest'); END;
CREATE TRIGGER "RecordsExportLink_no_delete" BEFORE DELETE ON "RecordsExportLink"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: RecordsExportLink'); END;

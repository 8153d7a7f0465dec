-- CreateTable
CREATE TABLE "PostCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "presenceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "original" TEXT NOT NULL,
    "editedText" TEXT,
    "byId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PoliceReferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presenceId" TEXT NOT NULL,
    "postId" TEXT,
    "foundAt" DATETIME NOT NULL,
    "reportedAt" DATETIME NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecordHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "referralId" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- AlterTable
ALTER TABLE "FreshnessEscalation" ADD COLUMN "cardOutboxIds" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "PostCorrection_postId_at_idx" ON "PostCorrection"("postId", "at");

-- CreateIndex
CREATE INDEX "PostCorrection_presenceId_at_idx" ON "PostCorrection"("presenceId", "at");

-- CreateIndex
CREATE INDEX "PoliceReferral_presenceId_idx" ON "PoliceReferral"("presenceId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordHold_entityType_entityId_referralId_key" ON "RecordHold"("entityType", "entityId", "referralId");


-- REC-1: these records are never deleted, and once written never changed (a correction or a referral is final).
CREATE TRIGGER "PostCorrection_no_delete" BEFORE DELETE ON "PostCorrection"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: PostCorrection'); END;
CREATE TRIGGER "PoliceReferral_no_delete" BEFORE DELETE ON "PoliceReferral"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: PoliceReferral'); END;
CREATE TRIGGER "RecordHold_no_delete" BEFORE DELETE ON "RecordHold"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: RecordHold'); END;
CREATE TRIGGER "PostCorrection_no_update" BEFORE UPDATE ON "PostCorrection"
BEGIN SELECT RAISE(ABORT, 'records are never changed: PostCorrection'); END;
CREATE TRIGGER "PoliceReferral_no_update" BEFORE UPDATE ON "PoliceReferral"
BEGIN SELECT RAISE(ABORT, 'records are never changed: PoliceReferral'); END;
CREATE TRIGGER "RecordHold_no_update" BEFORE UPDATE ON "RecordHold"
BEGIN SELECT RAISE(ABORT, 'records are never changed: RecordHold'); END;

-- REC-3 (IT 4): a record kept for a police investigation can no longer be changed by anyone, whatever writes to the
-- database. Deletes are already refused on every records table; these refuse updates of held presences and posts,
-- a post's approval rounds, and new corrections of a held post. The message names the case (the services say it too).
CREATE TRIGGER "Presence_held_no_update" BEFORE UPDATE ON "Presence"
WHEN EXISTS (SELECT 1 FROM "RecordHold" WHERE "entityType" = 'presence' AND "entityId" = OLD."id")
BEGIN SELECT RAISE(ABORT, 'held for police case ' || (SELECT "caseNumber" FROM "RecordHold" WHERE "entityType" = 'presence' AND "entityId" = OLD."id" ORDER BY "createdAt" LIMIT 1)); END;
CREATE TRIGGER "Post_held_no_update" BEFORE UPDATE ON "Post"
WHEN EXISTS (SELECT 1 FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = OLD."id")
BEGIN SELECT RAISE(ABORT, 'held for police case ' || (SELECT "caseNumber" FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = OLD."id" ORDER BY "createdAt" LIMIT 1)); END;
CREATE TRIGGER "PostRound_held_no_update" BEFORE UPDATE ON "PostRound"
WHEN EXISTS (SELECT 1 FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = OLD."postId")
BEGIN SELECT RAISE(ABORT, 'held for police case ' || (SELECT "caseNumber" FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = OLD."postId" ORDER BY "createdAt" LIMIT 1)); END;
CREATE TRIGGER "PostCorrection_held_no_insert" BEFORE INSERT ON "PostCorrection"
WHEN EXISTS (SELECT 1 FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = NEW."postId")
BEGIN SELECT RAISE(ABORT, 'held for police case ' || (SELECT "caseNumber" FROM "RecordHold" WHERE "entityType" = 'post' AND "entityId" = NEW."postId" ORDER BY "createdAt" LIMIT 1)); END;

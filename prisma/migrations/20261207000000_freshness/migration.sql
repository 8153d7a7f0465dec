-- CreateTable
CREATE TABLE "PresenceConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presenceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FreshnessSweep" (
    "weekKey" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "cursor" TEXT,
    "digests" INTEGER NOT NULL DEFAULT 0,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "FreshnessDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "weekKey" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FreshnessNudge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "digestId" TEXT NOT NULL,
    "presenceId" TEXT NOT NULL,
    "weekKey" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "daysIdle" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "FreshnessEscalation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presenceId" TEXT NOT NULL,
    "weekKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "daysIdle" INTEGER NOT NULL,
    "lastActivityAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outboxId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "action" TEXT,
    "ground" TEXT,
    "note" TEXT,
    "newOwnerId" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "snapshot" TEXT
);

-- CreateIndex
CREATE INDEX "PresenceConfirmation_presenceId_at_idx" ON "PresenceConfirmation"("presenceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "FreshnessDigest_weekKey_ownerId_key" ON "FreshnessDigest"("weekKey", "ownerId");

-- CreateIndex
CREATE INDEX "FreshnessNudge_presenceId_sentAt_idx" ON "FreshnessNudge"("presenceId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "FreshnessNudge_presenceId_weekKey_key" ON "FreshnessNudge"("presenceId", "weekKey");

-- CreateIndex
CREATE INDEX "FreshnessEscalation_presenceId_status_idx" ON "FreshnessEscalation"("presenceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FreshnessEscalation_presenceId_weekKey_key" ON "FreshnessEscalation"("presenceId", "weekKey");

-- CreateIndex
CREATE INDEX "Presence_ownerId_state_idx" ON "Presence"("ownerId", "state");


-- REC-1: freshness records are never deleted either (as in the records migration).
CREATE TRIGGER "PresenceConfirmation_no_delete" BEFORE DELETE ON "PresenceConfirmation"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: PresenceConfirmation'); END;
CREATE TRIGGER "FreshnessSweep_no_delete" BEFORE DELETE ON "FreshnessSweep"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: FreshnessSweep'); END;
CREATE TRIGGER "FreshnessDigest_no_delete" BEFORE DELETE ON "FreshnessDigest"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: FreshnessDigest'); END;
CREATE TRIGGER "FreshnessNudge_no_delete" BEFORE DELETE ON "FreshnessNudge"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: FreshnessNudge'); END;
CREATE TRIGGER "FreshnessEscalation_no_delete" BEFORE DELETE ON "FreshnessEscalation"
BEGIN SELECT RAISE(ABORT, 'records are never deleted: FreshnessEscalation'); END;

-- CreateTable
CREATE TABLE "PresenceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requesterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "round" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "step" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "snapshot" TEXT NOT NULL,
    "cardHash" TEXT NOT NULL,
    "cardOutboxId" TEXT,
    "deciderId" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PresenceRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Presence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "record" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "accountUrl" TEXT,
    "credential" TEXT,
    "noticeConfirmedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Presence_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PresenceRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PresenceRequest_requesterId_status_idx" ON "PresenceRequest"("requesterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Review_requestId_round_stage_key" ON "Review"("requestId", "round", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "Presence_requestId_key" ON "Presence"("requestId");

-- CreateIndex
CREATE INDEX "Presence_departmentId_platform_state_idx" ON "Presence"("departmentId", "platform", "state");


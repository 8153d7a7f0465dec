-- CreateTable
CREATE TABLE "DepartmentPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departmentId" TEXT NOT NULL,
    "number" INTEGER,
    "status" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "step" INTEGER NOT NULL DEFAULT 1,
    "filerId" TEXT NOT NULL,
    "filedAt" DATETIME,
    "deciderId" TEXT,
    "decidedAt" DATETIME,
    "comments" TEXT,
    "cardHash" TEXT,
    "cardOutboxId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccessBlockRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departmentId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "sites" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "deciderId" TEXT,
    "decidedAt" DATETIME,
    "response" TEXT,
    "cardOutboxId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DepartmentPolicy_departmentId_status_idx" ON "DepartmentPolicy"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentPolicy_departmentId_number_key" ON "DepartmentPolicy"("departmentId", "number");


-- CreateTable
CREATE TABLE "AuditChainLock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appends" INTEGER NOT NULL DEFAULT 0
);

-- The one row appendAudit locks (see the model).
INSERT INTO "AuditChainLock" ("id", "appends") VALUES (1, 0);

-- AlterTable
ALTER TABLE "PresenceRequest" ADD COLUMN "changesPresenceId" TEXT;

-- CreateTable
CREATE TABLE "PlatformDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reasoning" TEXT,
    "requestId" TEXT,
    "cardOutboxId" TEXT,
    "cardHash" TEXT,
    "deciderId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformDecision_platform_key" ON "PlatformDecision"("platform");

-- REC-1/REC-2: the IT Director's platform decisions are records, never deleted (the function is from the records migration).
CREATE TRIGGER "PlatformDecision_no_delete" BEFORE DELETE ON "PlatformDecision" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();

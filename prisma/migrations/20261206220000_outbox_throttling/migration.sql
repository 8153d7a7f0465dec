-- 429 answers no longer use up the attempt budget, and retries are bounded by time (issue 8).
ALTER TABLE "OutboxMessage" ADD COLUMN "throttledAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "firstFailedAt" DATETIME;

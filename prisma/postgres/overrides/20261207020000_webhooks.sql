-- CreateTable
CREATE TABLE "WebhookSubscriber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledById" TEXT,
    "disabledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateIndex
CREATE INDEX "WebhookSubscriber_state_idx" ON "WebhookSubscriber"("state");

-- REC-1/REC-2: a subscriber is a record of where the City sent its public events; disabled, never deleted
-- (the function is from the records migration).
CREATE TRIGGER "WebhookSubscriber_no_delete" BEFORE DELETE ON "WebhookSubscriber" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();

-- AlterTable
ALTER TABLE "Presence" ADD COLUMN "lastActivityAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presenceId" TEXT NOT NULL,
    "drafterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draft" TEXT NOT NULL DEFAULT '{}',
    "publishAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "round" INTEGER NOT NULL DEFAULT 0,
    "publishedUrl" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "PostRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cardHash" TEXT NOT NULL,
    "cardOutboxId" TEXT,
    "channelOutboxId" TEXT,
    "deciderId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PostRound_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Post_drafterId_status_idx" ON "Post"("drafterId", "status");

-- CreateIndex
CREATE INDEX "Post_presenceId_status_idx" ON "Post"("presenceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PostRound_postId_round_key" ON "PostRound"("postId", "round");


-- REC-1/REC-2: posts and their approval rounds are records, never deleted (the function is from the records migration).
CREATE TRIGGER "Post_no_delete" BEFORE DELETE ON "Post" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "PostRound_no_delete" BEFORE DELETE ON "PostRound" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();

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
    "at" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "PoliceReferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presenceId" TEXT NOT NULL,
    "postId" TEXT,
    "foundAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "RecordHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "referralId" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL
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


-- REC-1: these records are never deleted, and once written never changed. The PostgreSQL version of
-- prisma/migrations/20261207030000_police_referrals_and_corrections.
CREATE FUNCTION "records_never_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'records are never changed: %', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "PostCorrection_no_delete" BEFORE DELETE ON "PostCorrection" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "PoliceReferral_no_delete" BEFORE DELETE ON "PoliceReferral" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "RecordHold_no_delete" BEFORE DELETE ON "RecordHold" FOR EACH ROW EXECUTE FUNCTION "records_never_deleted"();
CREATE TRIGGER "PostCorrection_no_update" BEFORE UPDATE ON "PostCorrection" FOR EACH ROW EXECUTE FUNCTION "records_never_changed"();
CREATE TRIGGER "PoliceReferral_no_update" BEFORE UPDATE ON "PoliceReferral" FOR EACH ROW EXECUTE FUNCTION "records_never_changed"();
CREATE TRIGGER "RecordHold_no_update" BEFORE UPDATE ON "RecordHold" FOR EACH ROW EXECUTE FUNCTION "records_never_changed"();

-- REC-3 (IT 4): a record kept for a police investigation can no longer be changed by anyone. TG_ARGV[0] is the
-- held entity type, TG_ARGV[1] the column of the row that names it (the row itself, or a round's post).
CREATE FUNCTION "records_held_for_police"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  held_id TEXT;
  case_number TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN held_id := to_jsonb(NEW) ->> TG_ARGV[1]; ELSE held_id := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
  SELECT "caseNumber" INTO case_number FROM "RecordHold" WHERE "entityType" = TG_ARGV[0] AND "entityId" = held_id ORDER BY "createdAt" LIMIT 1;
  IF case_number IS NOT NULL THEN
    RAISE EXCEPTION 'held for police case %', case_number;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Presence_held_no_update" BEFORE UPDATE ON "Presence" FOR EACH ROW EXECUTE FUNCTION "records_held_for_police"('presence', 'id');
CREATE TRIGGER "Post_held_no_update" BEFORE UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION "records_held_for_police"('post', 'id');
CREATE TRIGGER "PostRound_held_no_update" BEFORE UPDATE ON "PostRound" FOR EACH ROW EXECUTE FUNCTION "records_held_for_police"('post', 'postId');
CREATE TRIGGER "PostCorrection_held_no_insert" BEFORE INSERT ON "PostCorrection" FOR EACH ROW EXECUTE FUNCTION "records_held_for_police"('post', 'postId');

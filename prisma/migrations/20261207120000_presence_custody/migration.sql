-- REG-2 custody of a presence's login: when it was last recorded and by whom, and the last handover of ownership.
ALTER TABLE "Presence" ADD COLUMN "credentialChangedAt" DATETIME;
ALTER TABLE "Presence" ADD COLUMN "credentialChangedById" TEXT;
ALTER TABLE "Presence" ADD COLUMN "handedOverAt" DATETIME;

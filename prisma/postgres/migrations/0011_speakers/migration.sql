-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "name" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "speakerId" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "SpeakerAlias_key_idx" ON "SpeakerAlias"("key");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- CreateIndex
CREATE INDEX "Claim_speaker_idx" ON "Claim"("speaker");

-- CreateIndex
CREATE INDEX "Claim_articleId_deletedAt_verdict_status_idx" ON "Claim"("articleId", "deletedAt", "verdict", "status");

-- AddForeignKey
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Issue 20: the newsroom's speakers across articles. A claim keeps its speaker as the article spells it; each spelling
-- is an alias of one Speaker (filled in as spellings are first seen; merged by reviewers), which carries the kind.
-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SpeakerAlias_key_idx" ON "SpeakerAlias"("key");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- CreateIndex
CREATE INDEX "Claim_speaker_idx" ON "Claim"("speaker");

-- CreateIndex
CREATE INDEX "Claim_articleId_deletedAt_verdict_status_idx" ON "Claim"("articleId", "deletedAt", "verdict", "status");
